'use server';

import type { LinkRequestState } from '@/components/link-request-form';
import { resendActivationLink } from '@/lib/account/send-account-links';
import { handleLinkRequest } from '@/lib/security/handle-link-request';

export async function resendActivationAction(_previous: LinkRequestState, formData: FormData): Promise<LinkRequestState> {
  return handleLinkRequest(formData.get('email'), resendActivationLink);
}
