export default function Account() {
  return <p>Zalogowano</p>;
}
