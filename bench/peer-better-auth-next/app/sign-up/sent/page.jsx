export default function SentPage() {
  return (
    <main>
      <h1>Sprawdź pocztę</h1>
    </main>
  );
}
