import type { BrowserContext } from 'playwright-core';

export const CHROMIUM: string;
export const FLAGS: string[];
export function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }>;
