'use server';

import { requestPasswordReset } from '@/lib/account/send-account-links';
import { linkRequestAction } from '@/app/(public)/_password/link-request';

export const forgotPasswordAction = linkRequestAction('identifier', requestPasswordReset);
