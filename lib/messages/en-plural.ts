// English counts: "1 hour", "2 hours" (one form for 1, another for the rest).
export const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
