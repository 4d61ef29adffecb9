export function build(): Promise<void>;
export const outputDir: string;
