/** Where the run's servers listen: the production build on E2E_PORT, the development build on the next port. */
export const PORT = Number(process.env.E2E_PORT ?? 18181);
export const DEV_PORT = PORT + 1;
export const baseURL = `http://127.0.0.1:${PORT}`;
export const devBaseURL = `http://127.0.0.1:${DEV_PORT}`;
