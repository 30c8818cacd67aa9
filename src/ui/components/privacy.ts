/**
 * Privacy facts shown to users, kept next to the code that enforces them.
 */
export const MODEL_HOSTS_FOR_DISPLAY =
  'Hugging Face (huggingface.co) and the WebGPU model libraries on raw.githubusercontent.com';
