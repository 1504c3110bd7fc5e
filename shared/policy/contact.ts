import type { ClientMessageCategory, ContactPolicy, CrisisResource, Locale, MessageCategory } from '../schemas/policies'
import { crisisSentence, helpNowLabel, orderCrisisResources } from '../crisis'
import { formatList } from '../i18n'
import { t } from '../i18n/contact'

/**
 * The therapist's between-session contact policy, applied: what to tell a client before they
 * write, and whether a message of a given kind can be sent. Crisis is never refused.
 */

const CATEGORY_ORDER: readonly MessageCategory[] = ['scheduling', 'resource', 'update', 'homework', 'other']

export interface ContactChoice {
  category: ClientMessageCategory
  label: string
}

export interface ContactExpectation {
  accepting: boolean
  /** The kinds of message the therapist welcomes, in a stable order; empty when not accepting. */
  categories: MessageCategory[]
  /** What the client can pick: the welcomed kinds, then "I'm in crisis", which is always there. */
  choices: ContactChoice[]
  /** "Between sessions, Dr. Rivera welcomes messages about scheduling and updates." or null. */
  welcome_text: string | null
  /** How soon (or whether) a reply comes, ending with where to go for anything urgent. */
  reply_text: string
  /** The portal, not email, is the confidential way to write. */
  confidential_text: string
}

export type ContactDecision =
  | {
      allowed: true
      crisis: true
      category: 'crisis'
      /** The note goes through and is flagged to the therapist (and the practice's exceptions). */
      flagged: true
      /** The practice's resources, emergency first: show these before the message box. */
      resources: CrisisResource[]
      crisis_text: string
      /** Sent, but not necessarily read soon: never imply otherwise. */
      expectation: string
      therapist_note?: string
    }
  | {
      allowed: true
      crisis: false
      category: MessageCategory
      flagged: false
      expectation: string
      auto_reply?: string
    }
  | {
      allowed: false
      crisis: false
      category: MessageCategory
      reason: 'not_accepting' | 'category_not_allowed'
      message: string
    }

export interface ContactDecisionInput {
  policy: ContactPolicy
  category: ClientMessageCategory
  therapistName: string
  locale: Locale
  crisisResources: readonly CrisisResource[]
}

function welcomedCategories(policy: ContactPolicy): MessageCategory[] {
  if (!policy.accepts_messages) return []
  return CATEGORY_ORDER.filter((c) => policy.allowed_categories.includes(c))
}

/** A kind of message as a client picks it ("Scheduling", "I'm in crisis"). */
export function categoryLabel(category: ClientMessageCategory, locale: Locale): string {
  return t(locale, `contact.category.${category}`)
}

function urgentPointer(locale: Locale): string {
  return t(locale, 'contact.urgent', { helpNow: helpNowLabel(locale) })
}

/** What to show before the client writes anything. */
export function contactExpectation(policy: ContactPolicy, therapistName: string, locale: Locale): ContactExpectation {
  const therapist = therapistName
  const categories = welcomedCategories(policy)
  const accepting = categories.length > 0
  const reply = !accepting
    ? t(locale, 'contact.notAccepting', { therapist })
    : policy.reply_expectation.kind === 'none'
      ? t(locale, 'contact.reply.none', { therapist })
      : t(locale, 'contact.reply.days', { therapist, count: policy.reply_expectation.days })
  const topics = formatList(
    categories.map((c) => t(locale, `contact.topic.${c}`)),
    locale,
  )
  return {
    accepting,
    categories,
    choices: [...categories, 'crisis' as const].map((category) => ({
      category,
      label: categoryLabel(category, locale),
    })),
    welcome_text: accepting ? t(locale, 'contact.welcomes', { therapist, topics }) : null,
    reply_text: `${reply} ${urgentPointer(locale)}`,
    confidential_text: t(locale, 'contact.confidential', { therapist }),
  }
}

/** Whether a message of `category` can be sent now, and what to tell the client either way. */
export function contactDecision(input: ContactDecisionInput): ContactDecision {
  const { policy, category, locale } = input
  const therapist = input.therapistName

  if (category === 'crisis') {
    return {
      allowed: true,
      crisis: true,
      category,
      flagged: true,
      resources: orderCrisisResources(input.crisisResources),
      crisis_text: crisisSentence(input.crisisResources, locale),
      expectation: t(locale, 'contact.crisis.sent', { therapist }),
      ...(policy.crisis_note && { therapist_note: policy.crisis_note }),
    }
  }

  const expectation = contactExpectation(policy, therapist, locale)
  if (!expectation.accepting) {
    return { allowed: false, crisis: false, category, reason: 'not_accepting', message: expectation.reply_text }
  }
  if (!expectation.categories.includes(category)) {
    const message = [
      t(locale, 'contact.categoryNotAllowed', { therapist }),
      expectation.welcome_text,
      urgentPointer(locale),
    ]
      .filter(Boolean)
      .join(' ')
    return { allowed: false, crisis: false, category, reason: 'category_not_allowed', message }
  }
  return {
    allowed: true,
    crisis: false,
    category,
    flagged: false,
    expectation: expectation.reply_text,
    ...(policy.auto_reply && { auto_reply: policy.auto_reply }),
  }
}

/**
 * What to tell a client who wrote from outside the portal (a text, WhatsApp), now that their words
 * are in the thread: the therapist's own auto-reply when they set one, else when to expect an
 * answer, or that none comes between sessions. The words never name the therapist: a text can
 * show on a lock screen.
 */
export type OutsidePortalAnswer =
  | { kind: 'auto_reply'; text: string }
  | { kind: 'reply_within'; days: number }
  | { kind: 'no_reply_between_sessions' }

export function outsidePortalAnswer(policy: ContactPolicy): OutsidePortalAnswer {
  if (policy.auto_reply) return { kind: 'auto_reply', text: policy.auto_reply }
  if (!welcomedCategories(policy).length || policy.reply_expectation.kind === 'none') {
    return { kind: 'no_reply_between_sessions' }
  }
  return { kind: 'reply_within', days: policy.reply_expectation.days }
}
