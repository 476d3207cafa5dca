import type { Locale } from '@meute/contracts';

/** What notification, alert and digest e-mails say, in French and English. */
const TEXTS = {
  hello: { fr: 'Bonjour {name},', en: 'Hello {name},' },
  signature: { fr: '— Meute', en: '— Meute' },
  'kind.alert': { fr: 'Alerte', en: 'Alert' },
  'kind.mention': { fr: 'On vous mentionne', en: 'You were mentioned' },
  'kind.post': { fr: 'Nouveau message', en: 'New post' },
  'kind.reply': { fr: 'Réponse', en: 'Reply' },
  'kind.note': { fr: 'Note partagée', en: 'Shared note' },
  'kind.question': { fr: 'Question aux pairs', en: 'Question to peers' },
  'kind.answer': { fr: 'Réponse à une question', en: 'Answer to a question' },
  'kind.charter': { fr: 'Charte', en: 'Charter' },
  'kind.group-invite': { fr: 'Invitation à un groupe', en: 'Group invitation' },
  'urgent.subject': { fr: '[{network}] {kind} : {title}', en: '[{network}] {kind}: {title}' },
  'urgent.intro': {
    fr: 'Un message urgent vous attend dans {network}.',
    en: 'An urgent message is waiting for you in {network}.',
  },
  'urgent.open': { fr: 'Ouvrir dans Meute :', en: 'Open in Meute:' },
  'alert.subject': { fr: '[{network}] ALERTE : {title}', en: '[{network}] ALERT: {title}' },
  'alert.intro': {
    fr: 'Une alerte a été lancée à tout le réseau {network}.',
    en: 'An alert was raised to the whole {network} network.',
  },
  'alert.checklist': { fr: 'À vérifier maintenant :', en: 'What to check now:' },
  'alert.acknowledge': {
    fr: 'Indiquez que votre organisation en a pris connaissance :',
    en: 'Tell the network your organisation has read it:',
  },
  'reminder.subject': {
    fr: '[{network}] Rappel — alerte à lire : {title}',
    en: '[{network}] Reminder — alert to read: {title}',
  },
  'reminder.intro': {
    fr: "L'équipe de {network} vous rappelle que {organisation} n'a pas encore pris connaissance de cette alerte.",
    en: 'The {network} team reminds you that {organisation} has not yet acknowledged this alert.',
  },
  'digest.subject.daily': { fr: 'Votre résumé Meute du {date}', en: 'Your Meute digest of {date}' },
  'digest.subject.weekly': {
    fr: 'Votre résumé Meute de la semaine ({date})',
    en: 'Your weekly Meute digest ({date})',
  },
  'digest.intro.daily': {
    fr: "Voici ce qui s'est passé pour vous sur Meute depuis le dernier résumé ({count}).",
    en: 'Here is what happened for you on Meute since the last digest ({count}).',
  },
  'digest.intro.weekly': {
    fr: "Voici ce qui s'est passé pour vous sur Meute cette semaine ({count}).",
    en: 'Here is what happened for you on Meute this week ({count}).',
  },
  'digest.count.one': { fr: '1 nouveauté', en: '1 new item' },
  'digest.count.many': { fr: '{n} nouveautés', en: '{n} new items' },
  'digest.group': { fr: '{network} — groupe « {group} »', en: '{network} — group “{group}”' },
  'digest.more': { fr: '… et {n} de plus :', en: '… and {n} more:' },
  'digest.all': { fr: 'Toutes vos notifications :', en: 'All your notifications:' },
  'footer.preferences': {
    fr: 'Choisir ce que vous recevez (immédiat, quotidien, hebdomadaire) :',
    en: 'Choose what you receive (immediate, daily, weekly):',
  },
  'footer.unsubscribe': {
    fr: 'Ne plus recevoir ces e-mails, en un clic :',
    en: 'Stop receiving these e-mails, in one click:',
  },
} satisfies Record<string, Record<Locale, string>>;

export type MailTextKey = keyof typeof TEXTS;

export function mailText(locale: Locale, key: MailTextKey, params: Record<string, string | number> = {}) {
  return TEXTS[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A calendar date as a reader expects it, in Paris time. */
export function formatMailDate(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    timeZone: 'Europe/Paris',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
}

/** The footer every notification e-mail carries: preferences and the one-click unsubscribe. */
export function mailFooter(locale: Locale, publicUrl: string, unsubscribeToken: string): string {
  return [
    '',
    '--',
    mailText(locale, 'footer.preferences'),
    `${publicUrl}/notifications/preferences`,
    mailText(locale, 'footer.unsubscribe'),
    `${publicUrl}/unsubscribe/${unsubscribeToken}`,
  ].join('\n');
}
