// Placeholder until the inspect command lands; replaced by its owner.
import { UsageError } from '../args';
import type { CliIo } from '../io';

export async function run(_argv: string[], _io: CliIo): Promise<void> {
  throw new UsageError('the inspect command is not available yet');
}
