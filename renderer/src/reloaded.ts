// A window main reloaded after its page died carries the reason in its address
// (`?reloaded=crashed`, main/electron/crash-handlers.ts). The page says so once, in its banner, and
// takes the reason out of the address so that a later reload does not say it again.

export function takeReloadedReason(location: Location = window.location, history: History = window.history): string | undefined {
  const url = new URL(location.href);
  const reason = url.searchParams.get('reloaded');
  if (reason === null) return undefined;
  url.searchParams.delete('reloaded');
  history.replaceState(history.state, '', url.href);
  return reason;
}
