/*
| Test wiring for bank-systems: the simulator harness (simulator/harness.ts, also
| used by other plugins' tests) and the generated book from credit-assets' public
| test fixture.
*/
export { startTestSimulator, pointSystemsAt, resetBreakers } from '../simulator/harness.js'
export {
  generatedBook as smallBook,
  richCustomer,
} from '../../credit-assets/fixtures/book_fixture.js'
