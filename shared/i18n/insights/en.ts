/** The no-show insights' group labels (shared/insights/groups.ts speaks them), in English: the source. */
export const en = {
  'insights.leadTime.under2Days': 'Booked less than 2 days ahead',
  'insights.leadTime.days2To7': 'Booked 2 to 7 days ahead',
  'insights.leadTime.weeks1To4': 'Booked 1 to 4 weeks ahead',
  'insights.leadTime.over4Weeks': 'Booked more than 4 weeks ahead',
  'insights.confirmed': 'Confirmed',
  'insights.unconfirmed': 'Not confirmed',
  'insights.channel.email': 'Email',
  'insights.channel.sms': 'Text message',
  'insights.channel.push': 'Notification',
  'insights.channel.none': 'No reminder reached them',
} as const
