/*
| A real SMTP server for tests (smtp-server on a free loopback port), with the
| app's mail pointed at it. Every mail received is parsed with mailparser, so a
| test reads what a mail client would show — not what our code meant to send.
|
|   const smtp = await startSmtpServer()
|   …
|   const [mail] = await smtp.waitForMail(1)
|   await smtp.stop()
*/
import { SMTPServer } from 'smtp-server'
import { simpleParser, type ParsedMail } from 'mailparser'
import type { AddressInfo } from 'node:net'
import mail from '@adonisjs/mail/services/main'
import { mailSettings } from '#core/messages/mail_settings'

export interface TestSmtpServer {
  port: number
  received: ParsedMail[]
  /** Resolves with the mails once at least `count` arrived (fails after `timeoutMs`). */
  waitForMail(count: number, timeoutMs?: number): Promise<ParsedMail[]>
  stop(): Promise<void>
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ParsedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no certificate to trust in tests.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push(parsed)
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as AddressInfo).port
  mailSettings.override({
    host: '127.0.0.1',
    port,
    secure: false,
    from: 'risk-assets@bank.test',
  })
  await mail.closeAll()

  return {
    port,
    received,
    async waitForMail(count, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs
      while (received.length < count) {
        if (Date.now() > until)
          throw new Error(`Expected ${count} mail(s), the SMTP server got ${received.length}`)
        await new Promise((r) => setTimeout(r, 50))
      }
      return received
    },
    async stop() {
      mailSettings.override(undefined)
      await mail.closeAll()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
