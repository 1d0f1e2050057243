export default function Done() {
  return <p>Otrzymano</p>;
}
