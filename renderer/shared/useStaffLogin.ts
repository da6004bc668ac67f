// The state of a staff login form, shared by the counter console and the admin page: the
// pages differ in markup and in what a session is, not in how logging in behaves.
import { useState, type FormEvent } from 'react';

export function useStaffLogin<S>(login: (username: string, password: string) => Promise<S>, onLoggedIn: (session: S) => void) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onLoggedIn(await login(username.trim(), password));
    } catch (err) {
      setError(err);
      // A wrong password is typed again from scratch; the username stays.
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return { username, setUsername, password, setPassword, error, busy, submit };
}
