/**
 * Customers: who a saved card belongs to. Deleting one is final: its cards are detached, and
 * its id is refused wherever it is named or still referenced (a session, a payment intent).
 */
import type { z } from 'zod';
import type { Clock } from '../clock.js';
import { toUnixSeconds } from '../clock.js';
import { ApiFault, invalidRequest, stateConflict } from '../errors.js';
import { newId } from '../ids.js';
import { MAX_METADATA_KEYS } from '../schemas.js';
import type { customerCreate, customerUpdate } from '../merchant/customers.js';
import type { PaymentMethods } from './payment-methods.js';
import { Table } from './table.js';

export interface Customer {
  id: string;
  object: 'customer';
  email: string | null;
  name: string | null;
  description: string | null;
  metadata: Record<string, string>;
  created: number;
  livemode: false;
}

export type CustomerCreate = z.output<typeof customerCreate>;
export type CustomerUpdate = z.output<typeof customerUpdate>;

export class Customers {
  private readonly customers = new Table<Customer>('customer');
  private readonly deleted = new Set<string>();

  constructor(
    private readonly clock: Clock,
    private readonly paymentMethods: PaymentMethods,
  ) {}

  create(input: CustomerCreate): Customer {
    return this.customers.insert({
      id: newId('cus'),
      object: 'customer',
      email: input.email ?? null,
      name: input.name ?? null,
      description: input.description ?? null,
      metadata: input.metadata ?? {},
      created: toUnixSeconds(this.clock.now()),
      livemode: false,
    });
  }

  /** The customer, or a 404 naming `param` (saying so when it was deleted). */
  get(id: string, param = 'id'): Customer {
    const customer = this.customers.find(id);
    if (customer) return customer;
    if (this.deleted.has(id)) {
      throw new ApiFault(404, { type: 'invalid_request_error', code: 'resource_missing', message: `No such customer: '${id}' (it was deleted).`, param });
    }
    return this.customers.get(id, param);
  }

  find(id: string): Customer | undefined {
    return this.customers.find(id);
  }

  /** A customer a session or payment intent already names: the 409 once it was deleted. */
  stillThere(id: string): Customer {
    const customer = this.customers.find(id);
    if (!customer) throw stateConflict(`The customer ${id} of this payment was deleted; start a new one.`, 'customer_deleted');
    return customer;
  }

  list(): Customer[] {
    return this.customers.newestFirst();
  }

  /** `null` clears a field (sent as an empty value); metadata merges, an empty value removing its key. */
  update(customer: Customer, input: CustomerUpdate): Customer {
    let metadata = customer.metadata;
    if (input.metadata !== undefined) {
      const merged = input.metadata === null ? {} : { ...customer.metadata, ...input.metadata };
      metadata = Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== ''));
      if (Object.keys(metadata).length > MAX_METADATA_KEYS) {
        throw invalidRequest(`Invalid value for metadata: a customer can have at most ${MAX_METADATA_KEYS} keys (this update would leave ${Object.keys(metadata).length}).`, 'parameter_invalid', 'metadata');
      }
    }
    // Checked: only now change the record.
    if (input.email !== undefined) customer.email = input.email;
    if (input.name !== undefined) customer.name = input.name;
    if (input.description !== undefined) customer.description = input.description;
    customer.metadata = metadata;
    return customer;
  }

  remove(customer: Customer): void {
    this.paymentMethods.detachAll(customer.id);
    this.customers.remove(customer.id);
    this.deleted.add(customer.id);
  }
}
