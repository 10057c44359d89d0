import { useState } from 'react';
import { useToast } from '../../components/toast';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form';

/** Anyone's own password, whatever their role: the same for every workspace they are in. */
export function SettingsPasswordRoute() {
  const toast = useToast();
  // A new form after each change: its fields empty, its last error gone.
  const [changes, setChanges] = useState(0);
  return (
    <section className="card stack settings-sections" aria-labelledby="password-heading">
      <div>
        <h2 id="password-heading">Your password</h2>
        <p className="muted">The one you sign in with, in every workspace. Changing it signs you out of your other browsers and devices; this one stays signed in.</p>
      </div>
      <ChangePasswordForm
        key={changes}
        onDone={() => {
          toast.show('Password changed. Your other sessions were signed out.');
          setChanges((count) => count + 1);
        }}
      />
    </section>
  );
}
