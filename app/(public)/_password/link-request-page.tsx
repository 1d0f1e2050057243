import type { ComponentProps } from 'react';
import { Card, PageTitle } from '@/components/ui';
import { LinkRequestForm } from './link-request-form';

type FormProps = ComponentProps<typeof LinkRequestForm>;

/** The page around a link request ("Nie pamiętam hasła", "Wyślij ponownie link aktywacyjny"). */
export function LinkRequestPage({
  text,
  ...form
}: Omit<FormProps, 'submit' | 'sentMessage'> & { text: { title: string; intro: string; submit: string; sent: string } }) {
  return (
    <>
      <PageTitle>{text.title}</PageTitle>
      <Card>
        <p className="mb-4">{text.intro}</p>
        <LinkRequestForm {...form} submit={text.submit} sentMessage={text.sent} />
      </Card>
    </>
  );
}
