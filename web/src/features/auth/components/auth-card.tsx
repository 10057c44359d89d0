import type { ReactNode } from 'react';
import { CairnLogo } from '../../../components/cairn-logo';

/** The centred card of the signed-out screens. */
export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <main className="auth-screen">
      <div className="auth-card">
        <div className="brand brand-large" aria-hidden="true">
          <CairnLogo size={32} /> Cairn
        </div>
        <h1>{title}</h1>
        {intro && <p className="auth-intro">{intro}</p>}
        {children}
      </div>
    </main>
  );
}
