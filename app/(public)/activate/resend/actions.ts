'use server';

import { resendActivationLink } from '@/lib/account/send-account-links';
import { linkRequestAction } from '@/app/(public)/_password/link-request';

export const resendActivationAction = linkRequestAction('email', resendActivationLink);
