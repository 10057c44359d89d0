import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

type Toast = { id: number; message: string; tone: 'info' | 'success' | 'error' };
type ToastApi = { show: (message: string, tone?: Toast['tone']) => void };

const ToastContext = createContext<ToastApi | null>(null);
const TOAST_MS = 5000;
let nextId = 1;

function ToastItem({ toast }: { toast: Toast }) {
  return <div className={`toast toast-${toast.tone}`}>{toast.message}</div>;
}

/** Toasts disappear on their own; news is announced politely to screen readers, failures as alerts. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const show = useCallback((message: string, tone: Toast['tone'] = 'info') => {
    const id = nextId++;
    setToasts((current) => [...current, { id, message, tone }]);
    setTimeout(() => setToasts((current) => current.filter((t) => t.id !== id)), TOAST_MS);
  }, []);
  const api = useMemo(() => ({ show }), [show]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts">
        <div className="toast-stack" role="status" aria-live="polite">
          {toasts.map((toast) => toast.tone !== 'error' && <ToastItem key={toast.id} toast={toast} />)}
        </div>
        {/* Failures interrupt: an alert region, always present so that what lands in it is announced. */}
        <div className="toast-stack" role="alert">
          {toasts.map((toast) => toast.tone === 'error' && <ToastItem key={toast.id} toast={toast} />)}
        </div>
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast needs a ToastProvider');
  return api;
}
