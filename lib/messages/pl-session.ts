// The session clock's Polish words, in a module of their own: SessionTimeout carries the three
// languages' few lines, not a whole catalogue (issue 24's page weight). Part of `pl` as `session`.

export const plSession = {
  idle: 'Wylogowaliśmy Cię po okresie bezczynności. Zaloguj się ponownie.',
  absolute: 'Sesja wygasła (przekroczony maksymalny czas zalogowania). Zaloguj się ponownie.',
  ended: 'Sesja została zakończona. Zaloguj się ponownie.',
  warningTitle: 'Za chwilę nastąpi wylogowanie',
  warning: (seconds: number) => `Z powodu braku aktywności wylogujemy Cię za ${seconds} s.`,
  stay: 'Pozostań zalogowany',
  signOut: 'Wyloguj teraz',
};
