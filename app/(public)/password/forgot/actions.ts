'use server';

import type { LinkRequestState } from '@/components/link-request-form';
import { requestPasswordReset } from '@/lib/account/send-account-links';
import { handleLinkRequest } from '@/lib/security/handle-link-request';

export async function forgotPasswordAction(_previous: LinkRequestState, formData: FormData): Promise<LinkRequestState> {
  return handleLinkRequest(formData.get('identifier'), requestPasswordReset);
}
