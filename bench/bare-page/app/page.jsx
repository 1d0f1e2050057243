import { Form } from './form';

export default function Page() {
  return (
    <main>
      <h1>Formularz</h1>
      <Form />
    </main>
  );
}
