/** Polls a condition until it holds (or fails the test after `timeoutMs`). */
export async function waitUntil(
  condition: () => boolean,
  timeoutMs = 5_000,
  what = "the condition",
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`${what} did not hold within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
