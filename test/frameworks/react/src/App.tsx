// The kit in a React 19 app, as its README shows: the tags in JSX, typed by
// 'checkout-elements/react', events as lowercase `oncheckout-*` props.
import 'checkout-elements';
import type {} from 'checkout-elements/react';
import { useEffect, useState } from 'react';
import { newCheckout, type Checkout } from '../../shared/checkout.js';

export function App() {
  const [checkout, setCheckout] = useState<Checkout>();
  const [open, setOpen] = useState(true);
  const [status, setStatus] = useState('Starting…');

  useEffect(() => {
    void newCheckout().then(setCheckout);
  }, []);

  return (
    <main>
      <h1>React 19</h1>
      <p role="status">{status}</p>
      <button type="button" onClick={() => void newCheckout().then(setCheckout)}>
        Start another checkout
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Close the checkout
      </button>
      {open && checkout && (
        <checkout-session
          session-id={checkout.id}
          client-secret={checkout.clientSecret}
          publishable-key={checkout.publishableKey}
          api-base={checkout.apiBase}
          oncheckout-ready={(e) => setStatus(`Ready: ${e.detail.session.id}`)}
          oncheckout-confirm={(e) => setStatus(`Paid: ${e.detail.session.id}`)}
          oncheckout-error={(e) => setStatus(`Error: ${e.detail.code}`)}
        >
          <checkout-summary heading-level={2}></checkout-summary>
          <payment-element></payment-element>
        </checkout-session>
      )}
    </main>
  );
}
