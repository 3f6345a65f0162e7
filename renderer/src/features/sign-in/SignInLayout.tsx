// The signed-out window's frame, shared by the form and the progress: the MSN header band on
// top, the page's own content, and the big two-buddy picture filling the space left below.

import type { ReactNode } from 'react';
import { BuddiesArt } from '../../components/BuddiesArt';
import { StatusIcon } from '../../components/StatusIcon';
import { strings } from '../../strings';
import '../../styles/sign-in.css';

export function SignInLayout({ children, walking = false }: { readonly children: ReactNode; readonly walking?: boolean }) {
  return (
    <div className="sign-in">
      <header className="sign-in__band">
        <StatusIcon status="NLN" size={28} />
        <h1 className="sign-in__title">
          <span className="sign-in__msn">{strings.brand.msn}</span> {strings.brand.messenger}
        </h1>
      </header>
      {children}
      <div className={walking ? 'sign-in__art sign-in__art--walking' : 'sign-in__art'}>
        <BuddiesArt />
      </div>
    </div>
  );
}
