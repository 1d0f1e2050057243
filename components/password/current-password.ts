// The input that takes an account's current password (signing in, confirming a change, deleting
// the account): masked, offered by password managers as the saved one, as long as the server
// reads (1024), never typed back.
export const currentPasswordInput = { type: 'password', autoComplete: 'current-password', required: true, maxLength: 1024 } as const;
