/** The bearer token of /api/metrics on the main e2e server (playwright.config.ts, operations.spec.ts). */
export const E2E_METRICS_TOKEN = 'e2e-metrics-token-e2e-metrics-token';
