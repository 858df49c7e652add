// Words the generated desk is written with: newsroom sentences in German and English about
// politics, the military and the economy. People's names come from faker; the places,
// outlets and transliterated names below are the ones a desk covering Russia, Ukraine and
// North Korea meets, with their German and English spellings.
//
// Two words are placed on purpose and nowhere else (not in source titles, speakers or
// notes), so the benchmark knows how many claims each matches: the common term in about a
// third of the claims, the selective one in about 6 %.

export const benchTerms = {
  common: { term: 'Ukraine', share: 1 / 3 },
  selective: { term: 'Hwasong', share: 0.06 },
} as const

export type Language = 'de' | 'en'

/** [German, English] */
export type Pair = readonly [string, string]

export const places: Pair[] = [
  ['Moskau', 'Moscow'],
  ['Pjöngjang', 'Pyongyang'],
  ['Kiew', 'Kyiv'],
  ['Charkiw', 'Kharkiv'],
  ['Odessa', 'Odesa'],
  ['Wladiwostok', 'Vladivostok'],
  ['Peking', 'Beijing'],
  ['Seoul', 'Seoul'],
  ['Berlin', 'Berlin'],
  ['Brüssel', 'Brussels'],
  ['Warschau', 'Warsaw'],
  ['Washington', 'Washington'],
  ['Genf', 'Geneva'],
  ['Wien', 'Vienna'],
  ['München', 'Munich'],
  ['Hamburg', 'Hamburg'],
  ['Köln', 'Cologne'],
  ['Frankfurt', 'Frankfurt'],
  ['London', 'London'],
  ['Paris', 'Paris'],
  ['Rom', 'Rome'],
  ['Tokio', 'Tokyo'],
  ['Teheran', 'Tehran'],
  ['Minsk', 'Minsk'],
  ['Belgorod', 'Belgorod'],
  ['Kursk', 'Kursk'],
  ['Sankt Petersburg', 'Saint Petersburg'],
  ['Chabarowsk', 'Khabarovsk'],
  ['Wostotschny', 'Vostochny'],
  ['Kaliningrad', 'Kaliningrad'],
  ['Riga', 'Riga'],
  ['Vilnius', 'Vilnius'],
  ['Helsinki', 'Helsinki'],
  ['Ankara', 'Ankara'],
  ['Istanbul', 'Istanbul'],
  ['Dresden', 'Dresden'],
  ['Leipzig', 'Leipzig'],
  ['Stuttgart', 'Stuttgart'],
]

export const countries: Pair[] = [
  ['Russland', 'Russia'],
  ['Nordkorea', 'North Korea'],
  ['Südkorea', 'South Korea'],
  ['China', 'China'],
  ['Deutschland', 'Germany'],
  ['Frankreich', 'France'],
  ['Polen', 'Poland'],
  ['Kanada', 'Canada'],
  ['Japan', 'Japan'],
  ['Iran', 'Iran'],
  ['Belarus', 'Belarus'],
  ['Schweden', 'Sweden'],
  ['Großbritannien', 'Britain'],
  ['Italien', 'Italy'],
  ['Österreich', 'Austria'],
  ['Norwegen', 'Norway'],
  ['Finnland', 'Finland'],
  ['Litauen', 'Lithuania'],
]

export const institutions: Pair[] = [
  ['die Bundesregierung', 'the German government'],
  ['der Kreml', 'the Kremlin'],
  ['die NATO', 'NATO'],
  ['die EU-Kommission', 'the European Commission'],
  ['das Verteidigungsministerium', 'the defence ministry'],
  ['das Außenministerium', 'the foreign ministry'],
  ['die Bundesbank', 'the Bundesbank'],
  ['die Europäische Zentralbank', 'the European Central Bank'],
  ['der UN-Sicherheitsrat', 'the UN Security Council'],
  ['die Internationale Atomenergiebehörde', 'the International Atomic Energy Agency'],
  ['das Statistische Bundesamt', 'the Federal Statistical Office'],
  ['die Opposition', 'the opposition'],
  ['der Bundestag', 'the Bundestag'],
  ['die Regierung in Seoul', 'the government in Seoul'],
]

export const weapons: Pair[] = [
  ['Artilleriegranaten', 'artillery shells'],
  ['ballistische Raketen', 'ballistic missiles'],
  ['Kampfdrohnen', 'combat drones'],
  ['Panzer', 'tanks'],
  ['Luftabwehrsysteme', 'air-defence systems'],
  ['Marschflugkörper', 'cruise missiles'],
  ['Munition', 'ammunition'],
  ['Atomwaffen', 'nuclear weapons'],
]

export const units: Pair[] = [
  ['Soldaten', 'soldiers'],
  ['Arbeiter', 'workers'],
  ['Flüchtlinge', 'refugees'],
  ['Zivilisten', 'civilians'],
  ['Wohnungen', 'homes'],
  ['Container', 'containers'],
]

export const sectors: Pair[] = [
  ['die Rüstungsindustrie', 'the arms industry'],
  ['Schulen', 'schools'],
  ['den Wohnungsbau', 'housing'],
  ['die Bahn', 'the railways'],
  ['Krankenhäuser', 'hospitals'],
  ['erneuerbare Energien', 'renewable energy'],
  ['die Landwirtschaft', 'agriculture'],
  ['die Digitalisierung', 'digital infrastructure'],
]

export const months: Pair[] = [
  ['Januar', 'January'],
  ['Februar', 'February'],
  ['März', 'March'],
  ['April', 'April'],
  ['Mai', 'May'],
  ['Juni', 'June'],
  ['Juli', 'July'],
  ['August', 'August'],
  ['September', 'September'],
  ['Oktober', 'October'],
  ['November', 'November'],
  ['Dezember', 'December'],
]

/**
 * Claim sentences. Slots: {country} {country2} {place} {institution} {weapon} {unit}
 * {sector} {month} {year} {count} {pct} {money}. Counts and money are written the way each
 * language's press writes them, in several formats ("10.000", "10 000", "10,000", "1,5
 * Millionen", "1.5 million").
 */
export const claimTemplates: Record<Language, string[]> = {
  de: [
    '{country} hat seit {month} mehr als {count} {weapon} an {country2} geliefert.',
    '{institution} teilt mit, dass {count} {unit} aus {place} nach {country2} gebracht wurden.',
    'Die Inflation in {country} lag im {month} {year} bei {pct} Prozent.',
    '{country} hat im vergangenen Jahr {money} für Verteidigung ausgegeben.',
    'In {place} wurden bei Angriffen im {month} {count} {unit} getötet oder verletzt.',
    'Die Sanktionen gegen {country} haben die Exporte nach {country2} um {pct} Prozent gesenkt.',
    '{institution} will bis {year} {money} in {sector} investieren.',
    'Die Arbeitslosenquote in {place} ist auf {pct} Prozent gestiegen.',
    '{country} bezieht {pct} Prozent seines Gases aus {country2}.',
    'Seit {year} hat {country} keine {weapon} mehr aus {country2} erhalten.',
    '{institution} hat bestätigt, dass {count} {unit} in {place} stationiert sind.',
    'Der Handel zwischen {country} und {country2} ist {year} um {pct} Prozent gewachsen.',
    'Mehr als {count} {unit} haben im {month} in {place} demonstriert.',
    'Die Rüstungsausgaben von {country} übersteigen erstmals {money}.',
    'Der Sanktionsbeschluss der EU betrifft {count} Unternehmen aus {country}.',
    '{country} und {country2} haben in {place} ein Abkommen über {weapon} unterzeichnet.',
    'Die Energiepreise in {country} sind seit {month} um {pct} Prozent gefallen.',
    '{institution} meldet, dass {year} {count} Anträge aus {place} bewilligt wurden.',
  ],
  en: [
    '{country} has delivered more than {count} {weapon} to {country2} since {month}.',
    'According to {institution}, {count} {unit} were moved from {place} to {country2}.',
    'Inflation in {country} stood at {pct} per cent in {month} {year}.',
    '{country} spent {money} on defence last year.',
    'Attacks on {place} in {month} killed or injured {count} {unit}.',
    'Sanctions against {country} have cut its exports to {country2} by {pct}%.',
    '{institution} plans to invest {money} in {sector} by {year}.',
    'Unemployment in {place} has risen to {pct} per cent.',
    '{country} gets {pct}% of its gas from {country2}.',
    '{country} has received no {weapon} from {country2} since {year}.',
    '{institution} confirmed that {count} {unit} are stationed in {place}.',
    'Trade between {country} and {country2} grew by {pct}% in {year}.',
    'More than {count} {unit} protested in {place} in {month}.',
    'Defence spending in {country} exceeds {money} for the first time.',
    'The EU sanctions package covers {count} companies from {country}.',
    '{country} and {country2} signed an agreement on {weapon} in {place}.',
    'Energy prices in {country} have fallen by {pct} per cent since {month}.',
    'According to {institution}, {count} applications from {place} were approved in {year}.',
  ],
}

/** How a claim about the war in Ukraine says so: added to a third of the claims. */
export const commonTermClauses: Record<Language, string[]> = {
  de: [
    'Seit Beginn des Krieges gegen die Ukraine gilt:',
    'Mit Blick auf die Ukraine:',
    'Krieg in der Ukraine:',
    'Wiederaufbau der Ukraine:',
  ],
  en: ['Since the start of the war in Ukraine:', 'On Ukraine:', 'War against Ukraine:'],
}

/** Claims about North Korea's missiles: the selective term. */
export const selectiveTermTemplates: Record<Language, string[]> = {
  de: [
    'Nordkorea hat im {month} {year} eine Hwasong-{n}-Rakete über {country2} hinweg abgefeuert.',
    '{institution} meldet, die Hwasong-{n} könne {count} Kilometer weit fliegen.',
    'Russland soll Nordkorea beim Bau der Hwasong-{n} geholfen haben.',
    'UN-Resolutionen verbieten Tests von Raketen wie der Hwasong-{n}.',
  ],
  en: [
    'North Korea fired a Hwasong-{n} missile over {country2} in {month} {year}.',
    'The Hwasong-{n} can fly {count} kilometres, according to {institution}.',
    'Russia is said to have helped North Korea build the Hwasong-{n}.',
    'UN resolutions ban tests of missiles such as the Hwasong-{n}.',
  ],
}

/** What a speaker is quoted saying, in the first person. */
export const quoteTemplates: Record<Language, string[]> = {
  de: [
    'Wir haben {count} {unit} in {place}, das ist eine Tatsache.',
    'Niemand hat so viel für {sector} getan wie wir.',
    'Die Zahlen sprechen für sich: {pct} Prozent.',
    'Das ist eine Lüge, {country} hat nie {weapon} geliefert.',
  ],
  en: [
    'We have {count} {unit} in {place}, that is a fact.',
    'Nobody has done more for {sector} than we have.',
    'The numbers speak for themselves: {pct} per cent.',
    'That is a lie, {country} never delivered {weapon}.',
  ],
}

export const headlineTemplates: Record<Language, string[]> = {
  de: [
    '{institution} warnt vor neuen Spannungen mit {country}',
    'Was über {weapon} aus {country} bekannt ist',
    'Besuch in {place}: {country} und {country2} rücken zusammen',
    'Haushalt {year}: Mehr Geld für {sector}',
    'Analyse: Wie wirksam sind die Sanktionen gegen {country}?',
    'Liveblog: Die Lage in {place} am {day}. {month}',
    'Inflation im {month}: Preise steigen langsamer',
    'Interview: „Wir brauchen mehr {weapon}“',
  ],
  en: [
    '{institution} warns of new tensions with {country}',
    'What we know about {weapon} from {country}',
    'Visit to {place}: {country} and {country2} move closer',
    'Budget {year}: more money for {sector}',
    'Analysis: how effective are the sanctions on {country}?',
    'Live updates: the situation in {place} on {month} {day}',
    'Inflation in {month}: prices rise more slowly',
    "Interview: 'We need more {weapon}'",
  ],
}

export const noteTemplates: Record<Language, string[]> = {
  de: [
    'Originalquelle angefragt, Antwort steht aus.',
    'Die Zahl stammt aus einer Pressemitteilung vom {month}; Primärquelle prüfen.',
    'Widerspricht den Angaben von {institution}.',
    'Gleiche Behauptung schon {year} geprüft, siehe verknüpfte Meldung.',
    'Zahl in Statistik von {institution} gefunden, Stand {month} {year}.',
    'Bitte zweite Quelle für {place} suchen.',
  ],
  en: [
    'Asked for the original source, no answer yet.',
    'The figure comes from a press release in {month}; check the primary source.',
    'Contradicts what {institution} said.',
    'Same claim checked in {year}, see the linked claim.',
    'Found the figure in statistics from {institution}, as of {month} {year}.',
    'Please find a second source for {place}.',
  ],
}

export const rationaleTemplates: Record<Language, string[]> = {
  de: [
    'Die Angaben von {institution} bestätigen die Zahl im Wesentlichen.',
    'Die genannte Zahl ist um ein Vielfaches zu hoch; {institution} nennt deutlich weniger.',
    'Für die Behauptung gibt es keine unabhängige Quelle.',
    'Richtig ist die Zahl, falsch der Zeitraum.',
  ],
  en: [
    '{institution} confirms the figure in substance.',
    'The figure is several times too high; {institution} gives a much lower one.',
    'There is no independent source for the claim.',
    'The figure is right, the period is wrong.',
  ],
}

export const outlets: Array<{ name: string; domain: string; language: Language }> = [
  { name: 'Der Spiegel', domain: 'spiegel.de', language: 'de' },
  { name: 'Frankfurter Allgemeine', domain: 'faz.net', language: 'de' },
  { name: 'Süddeutsche Zeitung', domain: 'sueddeutsche.de', language: 'de' },
  { name: 'Die Zeit', domain: 'zeit.de', language: 'de' },
  { name: 'tagesschau.de', domain: 'tagesschau.de', language: 'de' },
  { name: 'ZDFheute', domain: 'zdf.de', language: 'de' },
  { name: 'Deutsche Welle', domain: 'dw.com', language: 'de' },
  { name: 'taz', domain: 'taz.de', language: 'de' },
  { name: 'Die Welt', domain: 'welt.de', language: 'de' },
  { name: 'Handelsblatt', domain: 'handelsblatt.com', language: 'de' },
  { name: 'Neue Zürcher Zeitung', domain: 'nzz.ch', language: 'de' },
  { name: 'Der Standard', domain: 'derstandard.at', language: 'de' },
  { name: 'RND', domain: 'rnd.de', language: 'de' },
  { name: 'MDR', domain: 'mdr.de', language: 'de' },
  { name: 'BR24', domain: 'br.de', language: 'de' },
  { name: 't-online', domain: 't-online.de', language: 'de' },
  { name: 'Reuters', domain: 'reuters.com', language: 'en' },
  { name: 'AP News', domain: 'apnews.com', language: 'en' },
  { name: 'BBC News', domain: 'bbc.co.uk', language: 'en' },
  { name: 'The Guardian', domain: 'theguardian.com', language: 'en' },
  { name: 'The New York Times', domain: 'nytimes.com', language: 'en' },
  { name: 'The Washington Post', domain: 'washingtonpost.com', language: 'en' },
  { name: 'Financial Times', domain: 'ft.com', language: 'en' },
  { name: 'Al Jazeera', domain: 'aljazeera.com', language: 'en' },
  { name: 'NK News', domain: 'nknews.org', language: 'en' },
  { name: 'Politico Europe', domain: 'politico.eu', language: 'en' },
  { name: 'The Kyiv Independent', domain: 'kyivindependent.com', language: 'en' },
  { name: 'Bloomberg', domain: 'bloomberg.com', language: 'en' },
]

/**
 * Speakers whose names reach the desk in several transliterations: every spelling becomes
 * an alias, as editors add them (decision 005).
 */
export const transliteratedSpeakers: Array<{ names: string[]; role: string; country: string }> = [
  { names: ['Sergej Schoigu', 'Sergei Shoigu', 'Schoigu'], role: 'Sekretär des Sicherheitsrats', country: 'RU' },
  { names: ['Kim Jong-un', 'Kim Jong Un'], role: 'Staatschef', country: 'KP' },
  { names: ['Kim Yo-jong', 'Kim Yo Jong'], role: 'Abteilungsleiterin im ZK', country: 'KP' },
  { names: ['Wladimir Putin', 'Vladimir Putin', 'Putin'], role: 'Präsident', country: 'RU' },
  { names: ['Sergej Lawrow', 'Sergey Lavrov', 'Lawrow'], role: 'Außenminister', country: 'RU' },
  { names: ['Andrej Beloussow', 'Andrei Belousov', 'Beloussow'], role: 'Verteidigungsminister', country: 'RU' },
  { names: ['Dmitri Peskow', 'Dmitry Peskov', 'Peskow'], role: 'Kremlsprecher', country: 'RU' },
  { names: ['Maria Sacharowa', 'Maria Zakharova'], role: 'Sprecherin des Außenministeriums', country: 'RU' },
  { names: ['Dmitri Medwedew', 'Dmitry Medvedev'], role: 'Vizechef des Sicherheitsrats', country: 'RU' },
  { names: ['Wolodymyr Selenskyj', 'Volodymyr Zelensky', 'Selenskyj'], role: 'Präsident', country: 'UA' },
  { names: ['Choe Son-hui', 'Choe Son Hui'], role: 'Außenministerin', country: 'KP' },
  { names: ['Pak Jong-chon', 'Pak Jong Chon'], role: 'Sekretär des ZK', country: 'KP' },
  { names: ['Xi Jinping', 'Xi Jin-ping'], role: 'Staatspräsident', country: 'CN' },
  { names: ['Alexander Lukaschenko', 'Alexander Lukashenko'], role: 'Machthaber', country: 'BY' },
]

export const speakerRoles: Pair[] = [
  ['Abgeordneter', 'member of parliament'],
  ['Sprecherin', 'spokeswoman'],
  ['Sprecher', 'spokesman'],
  ['Ministerin', 'minister'],
  ['Minister', 'minister'],
  ['Staatssekretär', 'state secretary'],
  ['Bürgermeisterin', 'mayor'],
  ['Ökonom', 'economist'],
  ['Militärexperte', 'military analyst'],
  ['Botschafter', 'ambassador'],
  ['Generalleutnant', 'lieutenant general'],
  ['Parteivorsitzende', 'party leader'],
]

export const organisations = [
  'Bundesministerium der Verteidigung',
  'Auswärtiges Amt',
  'Kreml',
  'NATO',
  'Europäische Kommission',
  'Vereinte Nationen',
  'Ifo-Institut',
  'Deutsches Institut für Wirtschaftsforschung',
  'Kiel Institut für Weltwirtschaft',
  'Bundesagentur für Arbeit',
  'Statistisches Bundesamt',
  'Korean Central News Agency',
  'Ministry of Defence',
  'International Monetary Fund',
  'World Bank',
  'Stockholm International Peace Research Institute',
]

export const tagNames = [
  'russland',
  'nordkorea',
  'ukraine-krieg',
  'sanktionen',
  'rüstung',
  'raketen',
  'wirtschaft',
  'inflation',
  'energie',
  'migration',
  'nato',
  'eu',
  'china',
  'atomwaffen',
  'arbeitsmarkt',
  'haushalt',
  'wahlen',
  'desinformation',
  'statistik',
  'zitat',
  'social-media',
  'video',
  'un-resolution',
  'handel',
  'gas',
  'flucht',
  'propaganda',
  'rekord',
  'prognose',
  'wiederholt',
]

/** A number as a newsroom writes it, in either language's conventions or neither. */
export function writtenCount(value: number, language: Language, style: number) {
  const groups = (separator: string) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, separator)
  if (value >= 1_000_000 && style % 2 === 0) {
    const millions = (value / 1_000_000).toFixed(1).replace(/\.0$/, '')
    return language === 'de' ? `${millions.replace('.', ',')} Millionen` : `${millions} million`
  }
  switch (style % 4) {
    case 0:
      return groups(language === 'de' ? '.' : ',')
    case 1:
      return groups(' ')
    case 2:
      return String(value)
    default:
      return groups(language === 'de' ? '.' : ',')
  }
}

export function writtenMoney(billions: number, language: Language) {
  const amount = billions.toFixed(1).replace(/\.0$/, '')
  return language === 'de' ? `${amount.replace('.', ',')} Milliarden Euro` : `${amount} billion euros`
}
