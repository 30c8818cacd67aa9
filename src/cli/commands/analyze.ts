// Placeholder until the analyze command lands; replaced by its owner.
import { UsageError } from '../args';
import type { CliIo } from '../io';

export async function run(_argv: string[], _io: CliIo): Promise<void> {
  throw new UsageError('the analyze command is not available yet');
}
