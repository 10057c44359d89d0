// The customers feature's own pages import it from here; it lives in shared, for every page to name customers alike.
export { customerName } from '@cairn/shared';
