/*
| 智能风控's relationship graph around a customer: group, related parties and
| guarantors from the book; legal representative and shareholders derived.
*/
import { factsFor } from './random.js'
import { type Client, customerByNo, legalRepresentative, loansOf, personName } from './bank_rows.js'
import { bookLookups as book } from '../../credit-assets/services/book_lookups.js'

export async function relationshipGraph(client: Client, customerNo: string) {
  const customer = await customerByNo(client, customerNo)
  const nodes = new Map<
    string,
    { id: string; name: string; kind: 'customer' | 'company' | 'person' }
  >()
  const links: Array<{ source: string; target: string; relation: string }> = []
  if (!customer) return { nodes: [], links }
  const self = `C:${customerNo}`
  nodes.set(self, { id: self, name: customer.name, kind: 'customer' })
  const node = (id: string, name: string, kind: 'customer' | 'company' | 'person') => {
    if (!nodes.has(id)) nodes.set(id, { id, name, kind })
    return id
  }
  const customerNode = async (
    id: number | null,
    name: string,
    fallbackKind: 'company' | 'person'
  ) => {
    if (id) {
      const other = await client.from(book.customers.table).where('id', id).first()
      if (other) return node(`C:${other.customer_no}`, other.name, 'customer')
    }
    return node(`${fallbackKind === 'company' ? 'E' : 'P'}:${name}`, name, fallbackKind)
  }
  if (customer.group_name)
    links.push({
      source: self,
      target: node(`G:${customer.group_name}`, customer.group_name, 'company'),
      relation: 'group',
    })
  const RELATIONS: Record<string, string> = {
    group_member: 'group',
    shareholder: 'shareholder',
    legal_rep: 'legal_rep',
  }
  for (const p of await client
    .from(book.relatedParties.table)
    .where('customer_id', customer.id)
    .orderBy('id')) {
    const target = await customerNode(
      p.related_customer_id,
      p.related_name,
      p.relation_type === 'legal_rep' ? 'person' : 'company'
    )
    links.push({ source: self, target, relation: RELATIONS[p.relation_type] ?? 'related_loan' })
  }
  const loans = await loansOf(client, customer.id)
  const guarantees = loans.length
    ? await client
        .from(book.guarantees.table)
        .whereIn(
          'loan_id',
          loans.map((l: any) => l.id)
        )
        .orderBy('id')
    : []
  for (const g of guarantees) {
    const source = await customerNode(
      g.guarantor_customer_id,
      g.guarantor_name,
      g.guarantor_id_type === 'uscc' ? 'company' : 'person'
    )
    if (!links.some((l) => l.source === source && l.target === self && l.relation === 'guarantee'))
      links.push({ source, target: self, relation: 'guarantee' })
  }
  // Loans this customer guarantees for others (联保 / 互保 chains).
  const guaranteed = await client
    .from(book.guarantees.table)
    .join(book.loans.table, `${book.loans.table}.id`, `${book.guarantees.table}.loan_id`)
    .join(book.customers.table, `${book.customers.table}.id`, `${book.loans.table}.customer_id`)
    .where(`${book.guarantees.table}.guarantor_customer_id`, customer.id)
    .select(`${book.customers.table}.customer_no`, `${book.customers.table}.name`)
  for (const b of guaranteed)
    links.push({
      source: self,
      target: node(`C:${b.customer_no}`, b.name, 'customer'),
      relation: 'guarantee',
    })
  const rep = legalRepresentative(customer)
  if (rep) {
    links.push({ source: node(`P:${rep}`, rep, 'person'), target: self, relation: 'legal_rep' })
    const r = factsFor('risk-control', customerNo)
    for (let i = r.int(1, 2); i > 0; i--) {
      const holder = i === 1 ? rep : personName(r)
      links.push({
        source: node(`P:${holder}`, holder, 'person'),
        target: self,
        relation: 'shareholder',
      })
    }
  }
  return { nodes: [...nodes.values()], links }
}
