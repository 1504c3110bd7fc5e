/**
 * The words behind `classifyReply`, on text already folded by `normaliseReply` (lower case, no
 * accents, straight apostrophes). English, Spanish and French sit side by side: a client may write
 * in any of them whatever their locale. Tuned on `reply-corpus/`; add a text there before a word here.
 */

const polite = "(?: ?(?:please|pls|plz|por favor|porfa|svp|s'il vous plait|thanks|thank you|gracias|merci))?"
const whole = (words: string) => new RegExp(`^(?:${words})${polite}[.!]*$`)

export const STOP = [
  whole('stop|stopall|unsubscribe|end|quit|opt ?out|revoke|arret|arreter|alto|baja|parar|desabonner|dar de baja'),
  /^(?:please )?stop (?:texting|messaging|sending)\b/,
  /^unsubscribe me\b/,
  /^no more (?:texts|messages)\b/,
  /^remove me from (?:this|the|your) list/,
  /^no mas mensajes\b/,
  /^dejen de (?:enviarme|mandarme) mensajes/,
  /^je ne veux plus de messages/,
  /^arretez de m'envoyer des messages/,
]

export const START = [
  whole('start|unstop|resume|opt ?in|empezar|reanudar|demarrer|reprendre'),
  /^start texting me again/,
  /^quiero recibir (?:los )?mensajes otra vez/,
  /^je veux recevoir les messages a nouveau/,
]

export const HELP = [new RegExp(`^(?:help|info|ayuda|aide)${polite}[.!?]*$`)]

/** Words that name a stop, so "cancel and stop" is never read as only one of them. */
export const STOP_WORD = /\b(?:stop|parar|arreter)\b/

/** Self-harm, wanting to die, not being safe, being unable to go on: crisis numbers first, always. */
export const STRONG_DISTRESS = [
  /suicid/,
  /\b(?:kill|killing|hurt|hurting|harm|harming|cut|cutting) myself/,
  /self[- ]?harm/,
  /\b(?:want(?:ed)?|wanna|going) (?:to )?die\b/,
  /\bend (?:it all|my life)|end it\b/,
  /\b(?:don'?t|do not) want to (?:be here|live|be alive|exist|wake up)/,
  /no reason to live|better off without me|better off dead/,
  /\b(?:i'?m|i am|i don'?t feel|i do not feel|don'?t feel) (?:not )?safe\b/,
  /\bcrisis\b/,
  /can'?t (?:go on|cope|take (?:it|this|any ?more))|cannot (?:go on|cope)/,
  /can'?t do (?:this|it)(?: any ?more)?[.!]*$|cannot do this/,
  /too many pills|overdos/,
  /want (?:it all|everything) to stop/,
  /\bhelp me\b/,
  /\b(?:i'?m|im|i am|am) not (?:ok|okay|alright)\b|^not ok(?:ay)?[.!]*$/,
  // Spanish
  /matarme|quitarme la vida|hacerme dano|me hice dano|me corte\b/,
  /\b(?:quiero|me quiero) morir/,
  /\bno quiero (?:vivir|seguir)/,
  /\bno puedo (?:mas|seguir|con esto)\b/,
  /\bno aguanto\b/,
  /mejor sin mi\b|no estoy a salvo|no me siento segur[oa]/,
  /acabar con todo|demasiadas pastillas/,
  /\bayud(?:ame|enme)\b|necesito ayuda urgente/,
  /desesperad[oa]/,
  /\bno estoy (?:nada )?bien\b/,
  // French
  /\bme tuer\b|\ben finir\b|(?:envie de|veux) mourir/,
  /\b(?:j'?|n'?)en peux (?:vraiment )?plus|\bje ne peux plus\b|je ne tiens plus|je ne vais pas tenir/,
  /me faire du mal|me suis (?:encore )?(?:fait du mal|scarifie)/,
  /(?:plus envie de|ne veux plus) vivre/,
  /mieux sans moi|pas en securite/,
  /\bcrise\b/,
  /aidez[- ]moi|besoin d'aide tout de suite/,
  /\bje craque\b|\ba bout\b|desespere/,
  /trop de medicaments|que tout s'arrete|plus rien n'a de sens/,
  /je (?:ne )?vais (?:pas bien|tres mal)|ca va pas/,
]

/** Having a hard time: distress, unless it is plainly about the coming session (then nervous). */
export const WEAK_DISTRESS = [
  /\b(?:hard|rough|tough|awful|terrible|horrible) (?:morning|day|night|week|time)/,
  /struggl|overwhelm|hopeless|\bpanic/,
  /\b(?:scared|afraid|frightened|terrified)\b/,
  /\bnot (?:doing (?:well|good|ok))\b/,
  // Spanish
  /\b(?:manana|dia|semana|noche) (?:muy )?(?:dura|duro|dificil|horrible|terrible)/,
  /ha sido una semana (?:muy )?(?:dura|dificil)/,
  /ataque de (?:panico|ansiedad)|\bpanico\b/,
  /tengo mucho miedo|sin esperanza|todo es inutil/,
  /me siento (?:muy )?(?:mal|fatal)\b/,
  /abrumad[oa]|desbordad[oa]|luchando mucho/,
  // French
  /\b(?:matinee|journee|semaine|nuit) (?:tres |vraiment )?(?:difficile|dure|horrible)/,
  /a ete (?:tres |vraiment )?(?:dure|difficile)/,
  /j'ai (?:tres|tellement) peur|sans espoir/,
  /je me sens (?:tres )?mal\b/,
  /\bje galere/,
]

/** Nervous or unsure about the session: a warm answer, and the therapist's own call. */
export const NERVOUS = [
  /\bnervou?s|\bnervy\b|jittery|butterflies/,
  /\banxious|\banxiety (?:about|before)/,
  /\bdread/,
  /(?:not sure|unsure|don'?t know if) i (?:can|could) (?:face|do it|do this)/,
  /can'?t face (?:it|today|tomorrow|the session)/,
  /worried about (?:the session|today|tomorrow|it|going|seeing|what|coming)/,
  /(?:scared|afraid|terrified|frightened) (?:about|of) (?:the session|today|tomorrow|going|it|coming|seeing|talking)/,
  /not looking forward/,
  /(?:not sure|don'?t know if) (?:i'?m|i am) ready|not sure i want to come/,
  /second thoughts|\buneasy|apprehensive|stressed about|freaking out about/,
  // Spanish
  /\bner[vb]ios/,
  /\bansios[oa]|ansiedad (?:por|de)|me da ansiedad/,
  /no se si (?:puedo|podre|voy a poder) (?:enfrentar|con esto)/,
  /me da (?:miedo|panico|cosa)|miedo de ir|tengo un poco de miedo/,
  /preocupad[oa] por|me preocupa/,
  /no se si estoy list[oa]|no estoy segur[oa] de (?:querer|poder) ir|tengo dudas de ir/,
  /\binquiet[oa]\b|estresad[oa] por|me estresa/,
  // French
  /\bnerveu[xs]/,
  /\banxieu[xs]/,
  /\bstress(?:e|ee|er)?\b/,
  /angoiss/,
  /apprehende/,
  /peur (?:de la seance|d'y aller|pour demain|de venir)|un peu peur/,
  /pas sure? de pouvoir|pas sure? (?:d'etre|de vouloir|d'y arriver)/,
  /je ne sais pas si je suis prete?/,
  /\binquiete? pour|m'inquiete/,
  /hesite a venir|\ble trac\b|pas (?:tres )?rassuree?/,
]

export const LATE = [
  /running\b.{0,20}\b(?:late|behind)\b/,
  /\b(?:\d+|few|couple(?: of)?) ?(?:min|mins|minutes?)? late\b|\blate,? \d+ ?min/,
  /\bbe (?:a )?(?:bit |little |about \d+ min |\d+ min )?late\b|gonna be late|going to be (?:a )?(?:bit |little )?late/,
  /\b(?:i'?m|im|i am) (?:a (?:little|bit) )?late\b|(?:sorry,? )late\b|\blate,? sorry|\blate today/,
  /there in \d+/,
  /stuck in traffic|traffic is|(?:train|bus|subway|tube) (?:is |was )?(?:delayed|late)|\bdelayed\b/,
  /\bomw\b|on my way|almost there|\beta \d+|parking now|find parking/,
  // Spanish
  /\b(?:llego|llegare|llegar|voy) (?:\d+ ?min(?:utos)? |unos minutos |un poquito |un poco |como \d+ ?min )?tarde/,
  /\bretrasad[oa]|\bretras|atrasad[oa]|con retraso/,
  /en camino|voy para alla|\bya voy\b|llego en \d+|casi llego|estoy llegando/,
  /\btrafico\b|atascad|\bdemor|se me hizo tarde/,
  // French
  /\bretard?\b|en retar\b/,
  /\bj'arrive\b|en route\b|bouchons|embouteillage|a la bourre|presque (?:arrivee?|la)|\bretardee?\b/,
]

export const NOT_LATE = [/(?:won'?t|will not|not (?:going to|gonna)) be late|late (?:cancel|fee|reply|notice)/]

export const CANCEL = [
  /\bcan[cs]el|cnacel|cancle/,
  /(?:can'?t|cannot|can not|won'?t|will not|not (?:going to|gonna)|unable to) (?:be able to )?make it/,
  /(?:can'?t|cannot|won'?t|unable to|not be able to) (?:come|attend|be coming)|won'?t be able to (?:come|attend)/,
  /\bnot coming\b|\bwon'?t be coming/,
  // Spanish
  /\bcan[cs]el|\banular/,
  /\bno (?:puedo|podre|voy a poder) (?:ir|asistir|llegar|venir)|\bno voy a ir\b|\bno ire\b/,
  // French
  /\bann?ul/,
  /(?:pourrai|peux) pas (?:venir|etre la|assister)|viendrai pas|\bempech|impossible (?:de|pour moi de) venir|serai pas la|un imprevu/,
]

export const CANCEL_REFUSED = [
  /(?:don'?t|do not|not|never) (?:want to |wanna |need to |going to )?cancel/,
  /\bno (?:quiero|voy a) cancelar/,
  /ne (?:veux|vais) pas annuler|pas annuler/,
]

/** Asking about cancelling, not asking for it: the fee, the rule, the how. */
export const CANCEL_IS_A_QUESTION = [
  /\bfee\b|\bcharge|\bcost|how (?:much|do i|can i)|too late|policy|what (?:is|happens)|is there|\bif i cancel/,
  /\bcargo\b|\bcosto|\bcuanto|como cancelo|muy tarde/,
  /\bfrais\b|combien|comment annuler|trop tard|si j'annule/,
]

export const MOVE = [
  /re-?s?c?hh?edul|reshedul|rebook/,
  /\bmove (?:it|my|the|our|to|this|appointment|session)/,
  /\bchange (?:the |my )?(?:time|day|date|appointment|session)/,
  /\b(?:another|different|other|later|earlier) (?:time|day|slot|date)/,
  /\binstead\b|push (?:it )?(?:back|to)|bring (?:it )?forward|\bearlier\b|later in the day|(?:hour|bit) later/,
  /\bcan we do (?:it )?(?:on |at )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|next|\d)/,
  /postpone|rain check|\bswap\b|switch to (?:the )?(?:morning|afternoon|evening|another)|availability/,
  // Spanish
  /cambiar (?:la |el |mi )?(?:cita|hora|fecha|dia|sesion)|cambiarla|cambio de hora|cambiar mi cita/,
  /\bmover|reprogramar|rrprogramar|reagendar/,
  /\botro (?:dia|horario)|\botra (?:hora|fecha)|en vez de|en lugar de|\bmejor (?:el|a las|la)\b/,
  /\bpodemos (?:hacerlo )?(?:el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|a las \d|manana)/,
  /\bpasar(?:la)? (?:a|al|para)\b|posponer|aplazar|mas (?:tarde|temprano)|disponibilidad/,
  // French
  /deplac|\breport|reprogramm|decal/,
  /changer (?:l'heure|la date|de jour|le rdv|mon rendez|de creneau|d'horaire)|changement d'horaire/,
  /\bun autre (?:jour|creneau|moment|horaire)|\bune autre (?:date|heure)|\bplutot\b|a la place|\bavancer\b|repousser|plus tard|disponibilit/,
  /passer a la semaine/,
  /on peut (?:faire )?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|demain|a \d|\d)/,
]

/** A session by video or phone instead: for a person to arrange. */
export const ONLINE = [
  /\b(?:video|zoom|online|virtual|telehealth|facetime|teams|videollamada|en linea|visio|en ligne)\b/,
]

export const QUESTION = [
  /^(?:what|whats|what's|when|where|how|who|why|which|is|are|do|does|did|should|will|would|can i|could i)\b/,
  /^(?:que|cuando|donde|como|quien|cual|cuanto|hay)\b/,
  /^(?:quel|quelle|ou|quand|comment|combien|pourquoi|qui|est-ce|dois-je|puis-je)\b/,
  /\bquestion\b|\bpregunta\b/,
  /\ba que hora\b|\ba quelle heure\b/,
]

/** Yes-words: anything else in a confirmation must be a greeting, a thank-you, a day or a time. */
export const YES_WORD = /\b(?:yes+|yep|yup|yeah|si+|oui+|ouais|ok|okay|confirm\w*)\b/

function topLevelAlternatives(pattern: string): string[] {
  const alternatives = ['']
  let depth = 0
  for (const char of pattern) {
    if (char === '(') depth++
    if (char === ')') depth--
    if (char === '|' && depth === 0) alternatives.push('')
    else alternatives[alternatives.length - 1] += char
  }
  return alternatives
}

/** Longest first, so "bien sur" goes before "bien" and "c bon" before "c". */
const phrases = (groups: string[]) =>
  groups
    .flatMap(topLevelAlternatives)
    .sort((a, b) => b.length - a.length)
    .map((alternative) => new RegExp(`(?<= )(?:${alternative})(?= )`, 'g'))

export const CONFIRM_WORDS = phrases([
  "i'll be there|ill be there|i will be there|will be there|i can make it|i'm coming|im coming|i will come|definitely coming",
  'see you|see u|see ya|sounds good|sure thing|no problem|all good|works for me|looking forward to it',
  'i confirm|confirm|confirmed|confirming|yes+|y|yep|yup|yeah|yea|ya|ok+|okay|okey|k|kk|c|sure|perfect|absolutely|definitely',
  'claro que si|ahi estare|alli estare|nos vemos|de acuerdo|por supuesto|sin falta|cuenta conmigo|sin problema|muy bien|voy a ir|puedo ir',
  'confirmo|confirmad[oa]|si+|sip|claro|vale|perfecto|listo|dale|va|voy|bien',
  "je confirme ma presence|je confirme|je serai la|a (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)|j'y serai|a demain|a tout a l'heure|a bientot|c'est bon|c bon|ca marche|bien sur",
  "sans probleme|pas de souci|je viens|je peux venir|d'accord|oui+|ouais|ouep|dac|confirme|parfait|entendu",
  '👍|✅|👌',
])

export const FILLER_WORDS = phrases([
  "thank you|thank u|thanks|thx|ty|please|pls|plz|hi|hello|hey|great|ma'am|sir",
  'then|there|soon|tomorrow|tmrw|tmr|today|tonight|at|for|the|on|appointment|session',
  'gracias|muchas|hola|buenas|por favor|porfa|manana|hoy|el|la|las|a|para|senora|senor|entonces|pronto',
  "merci|beaucoup|bonjour|salut|svp|s'il vous plait|demain|aujourd'hui|pour|madame|monsieur|ce soir",
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday',
  'lunes|martes|miercoles|jueves|viernes|sabado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche',
  '\\d{1,2}(?:[:h]\\d\\d)?(?:am|pm|h)?|am|pm',
])
