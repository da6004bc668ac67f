// Who made a request, in words both servers' application services understand. Services take a
// Principal and never see HTTP; the HTTP layers (hall and district) produce it from a token.

export type Role = 'admin' | 'staff' | 'kiosk' | 'display' | 'rater';

/** Who made the request, after the bearer token was checked. */
export type Principal =
  | { kind: 'staff'; staffId: string; username: string; role: 'staff' | 'admin' }
  | { kind: 'device'; deviceId: string; role: 'kiosk' | 'display' }
  /** A counter rating pad (评价器), paired to one counter. */
  | { kind: 'device'; deviceId: string; role: 'rater'; counterId: string }
  | { kind: 'anonymous' };

export function principalRole(p: Principal): Role | null {
  return p.kind === 'anonymous' ? null : p.role;
}
