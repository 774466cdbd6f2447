/**
 * One serverless model of each family and size the seed documents name (Mistral, AI21, Meta): the bench's large
 * stacks repeat them, 13 per project, and `test/stack/scenarios.test.ts` deploys each once. All were sold on
 * 2024-11-01 (the bench's `--today`).
 */
export const SEED_SERVERLESS_MODELS = [
    "Mistral-large",
    "Mistral-large-2407",
    "Mistral-Large-2411",
    "Mistral-small",
    "Ministral-3B",
    "Mistral-Nemo",
    "AI21-Jamba-1.5-Large",
    "AI21-Jamba-1.5-Mini",
    "AI21-Jamba-Instruct",
    "Meta-Llama-3-8B-Instruct",
    "Meta-Llama-3-70B-Instruct",
    "Llama-2-7b-chat",
    "Llama-2-70b",
] as const;
