// English text of the legal pages (see ./pl.ts). Polish official names stay, with an English
// explanation beside them.
import { count } from '../en-plural';
import type { LegalCatalogue } from './catalogue';

const days = (n: number) => count(n, 'day');

export const legalEn = {
  accessibility: {
    title: 'Accessibility statement',
    intro:
      '{entity} is committed to making its website accessible in accordance with the Polish Act of 4 April 2019 on the digital accessibility of websites and mobile applications of public sector bodies (ustawa o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych). This accessibility statement applies to the website {site}.',
    sitePublished: 'Date the website was published:',
    siteUpdated: 'Date of the last significant update:',
    status: {
      title: 'Compliance status',
      partial:
        'This website is partially compliant with the Act of 4 April 2019 on the digital accessibility of websites and mobile applications of public sector bodies, due to the non-compliances or exemptions listed below.',
      full: 'This website is fully compliant with the Act of 4 April 2019 on the digital accessibility of websites and mobile applications of public sector bodies.',
      nonCompliantTitle: 'Non-accessible content',
      nonCompliant: [
        'The downloadable file with your account data is in JSON, a format meant for computer programs. The same data is shown in an accessible form on the “My data” page, which can also be printed.',
        'Emails sent by the portal (for example the one with the activation link) look different depending on the email program. Every message also has a plain-text version.',
      ],
      configuredNote: 'Description provided by the facility in Polish.',
    },
    preparation: {
      title: 'Preparation of this accessibility statement',
      prepared: 'This statement was prepared on {date}.',
      method: 'The statement was prepared on the basis of a self-assessment carried out by the public body.',
      lastCheck: 'The last automated accessibility test (axe-core, WCAG 2.1 level AA criteria) was carried out on {date}.',
    },
    contact: {
      title: 'Feedback and contact information',
      intro:
        'If you have any problems with the accessibility of this website, please contact us. You can use the same contact details to request information that is not accessible and to request that the website be made accessible.',
      person: 'Contact person:',
      email: 'Email:',
      phone: 'Phone:',
      noPhone: 'not provided — please contact us by email',
    },
    procedure: {
      title: 'Enforcement procedure',
      paragraphs: [
        'Everyone has the right to request that a website or any of its elements be made digitally accessible. You can also ask for information to be provided in an alternative accessible way, for example by having a document that is not digitally accessible read out to you.',
        'The request should include the name of the person making it, the website or element concerned and contact details. If you need the information in an alternative form, please also say which form suits you.',
        'The public body should meet the request without delay and no later than 7 days after it was made. If that is not possible, the public body will tell you without delay when the request can be met; this may not be later than 2 months after the request was made. If the website cannot be made digitally accessible, the public body may offer an alternative way of accessing the information.',
        'If the public body refuses to make the website accessible or to provide an alternative way of accessing the information, you may file a complaint about the digital accessibility of the website or its element.',
      ],
      ombudsman: 'Once this procedure has been exhausted, you may also apply to the {ombudsman}.',
      ombudsmanName: 'Commissioner for Human Rights (Rzecznik Praw Obywatelskich)',
    },
    architecture: {
      title: 'Physical accessibility',
      desk: (desk: string, facility: string, address: string, hours: string) =>
        `${desk} (the patient registration desk) of ${facility} is at: ${address}. Opening hours: ${hours}.`,
      help: 'The registration staff help people with disabilities to deal with their matter. If you need help entering the building or reaching the registration desk, please let us know in advance by phone or by email to the contact person named above.',
      assistanceDog: 'You may enter the building and all its rooms with an assistance dog.',
      configuredNote: 'Description provided by the facility in Polish.',
    },
    signLanguage: { title: 'Sign language interpreting and induction loop' },
  },
  privacy: {
    title: 'How we process your personal data',
    intro:
      'In accordance with Article 13 of Regulation (EU) 2016/679 of the European Parliament and of the Council of 27 April 2016 (the General Data Protection Regulation, in Polish RODO), we explain how we process the personal data you give in the E-Rejestracja portal.',
    controller: {
      title: 'Data controller',
      text: (name: string, address: string) => `The controller of your personal data is ${name}, ${address}.`,
    },
    dpo: {
      title: 'Data protection officer',
      text: 'For anything concerning your personal data you can contact our data protection officer (inspektor ochrony danych) by email at {email} or by post at the controller’s address, marked “Inspektor ochrony danych”.',
    },
    purposes: {
      title: 'Purposes and legal bases of processing',
      account: (desk: string) =>
        `Creating and running your portal account, confirming your identity at the registration desk (${desk}) and linking the account to your patient record: Article 6(1)(c) and (e) GDPR (legal obligations and tasks carried out in the public interest by a healthcare provider) and, for data related to the provision of healthcare, Article 9(2)(h) GDPR (healthcare). The consent you give when registering confirms that you want an account; withdrawing it means deleting the account.`,
      email:
        'Email notifications: your consent (Article 6(1)(a) GDPR). Messages needed for the account to work (the activation link, setting a new password, confirming a changed address) are sent as part of running the account.',
      sms: 'SMS notifications: your consent (Article 6(1)(a) GDPR).',
      security:
        'Security of the portal (protection against abuse, a record of sign-ins, the IP address and browser recorded with each consent): Article 6(1)(c) GDPR in connection with Article 32 GDPR.',
      withdraw:
        'You can withdraw your consent to email and SMS notifications at any time on your account page ({account}). Withdrawing consent does not affect the lawfulness of processing carried out before the withdrawal.',
      accountLink: 'My account',
    },
    recipients: {
      title: 'Recipients of the data',
      text: (desk: string, processor: string | null) =>
        `Your data is available to authorised staff of the registration desk (${desk}). Emails are sent on our behalf by ${processor ?? 'an email service provider'}, which processes the data under a data processing agreement (a processor). We may also disclose data to bodies entitled to it by law.`,
    },
    retention: {
      title: 'How long we keep the data',
      account: 'We keep your account data for as long as the account exists. You can delete the account at any time ({delete}).',
      deleteLink: 'Delete account',
      unactivated: (n: number) =>
        `An account that has not been activated is deleted with its data ${days(n)} after registration or after the last activation link was sent.`,
      record:
        'The data in your patient record (name, PESEL number, address) remains after the portal account is deleted, for as long as the law on medical records requires (the Polish Act of 6 November 2008 on Patients’ Rights and the Patients’ Rights Ombudsman).',
      history:
        'The history of consents given and withdrawn and the record of staff actions are kept after the account is deleted, as evidence of lawful processing (Article 5(2) and Article 7(1) GDPR).',
      emails: (n: number) =>
        `The content of sent emails is deleted after ${days(n)}; the subject, the recipient and the fact that the message was sent remain.`,
      links: (n: number) =>
        n === 0
          ? 'Activation links and links to set a password or change the email address are deleted when they expire.'
          : `Activation links and links to set a password or change the email address are deleted ${days(n)} after they expire.`,
      blocked: (n: number) => `Data of blocked registration attempts is deleted after ${days(n)}.`,
    },
    rights: {
      title: 'Your rights',
      intro: 'You have the right:',
      list: [
        'of access to your data and to receive a copy of it (Article 15 GDPR),',
        'to rectification (Article 16 GDPR),',
        'to erasure (Article 17 GDPR),',
        'to restriction of processing (Article 18 GDPR),',
        'to data portability (Article 20 GDPR),',
        'to object to processing (Article 21 GDPR),',
        'to withdraw your consent at any time (Article 7(3) GDPR).',
      ],
      limits: 'The rights to erasure and to object do not cover data we must keep by law, including medical records.',
      portal:
        'In the portal you can download your data ({data}), correct it in the account settings ({settings}) and delete your account ({delete}). For anything else, write to the data protection officer.',
      dataLink: 'My data',
      settingsLink: 'Account settings',
    },
    complaint: {
      title: 'Right to lodge a complaint',
      text: 'If you believe that we process your data unlawfully, you can lodge a complaint with the President of the Personal Data Protection Office (Prezes Urzędu Ochrony Danych Osobowych), ul. Stawki 2, 00-193 Warszawa, Poland ({uodo}).',
    },
    requirement: {
      title: 'Do you have to provide the data',
      text: 'Providing your data is voluntary, but without it you cannot create an account: we need your first name, surname, PESEL number (or date of birth if you have no PESEL number), a login, an email address and your home address. The phone number is optional. Consent to email notifications is needed when registering because the activation link is sent by email; consent to SMS notifications is needed if you give a phone number. You can withdraw both later.',
    },
    automated: {
      title: 'Automated decisions',
      text: 'We do not make decisions about you by automated means, and we do not profile you.',
    },
  },
} satisfies LegalCatalogue;
