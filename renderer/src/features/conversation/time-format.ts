// Times and dates in the user's locale.

const TIME = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'short' });

export const formatTime = (at: number): string => TIME.format(at);
export const formatDate = (at: number): string => DATE.format(at);
