/**
 * The desk's name as a patient reads it: configuration gives it in Polish, the name the patient
 * will see at the desk, so other languages set their translation beside it.
 */
export function deskName(configured: string, translation: string): string {
  return translation ? `${configured} (${translation})` : configured;
}
