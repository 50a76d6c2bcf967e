// Word lists for deciding whether an ambiguous alias ("Apple", "Windows",
// "Zoom", "NET") names the vendor. All lowercase, one token each.

const set = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/))

/** Words that make a sentence or page about technology, business or incidents. */
export const TECH_CUES = set(`
  software hardware update updates updated patch patches patched firmware cloud server servers outage outages downtime breach breaches breached
  hack hacked hacker hackers cyberattack cyberattacks attack attackers ransomware malware phishing vulnerability vulnerabilities exploit exploited
  exploits cve zero-day security cybersecurity encryption data database network networks platform app apps application applications device devices
  users customers service services crashed crash crashes bug bugs glitch computer computers laptop laptops iphone iphones ipad mac pc pcs smartphone
  smartphones os operating online internet website websites email login password passwords credentials accounts account api developer developers
  enterprise saas subscription subscribers tech technology chip chips processor processors ceo cfo cto ciso executive executives shares stock
  investors earnings revenue quarterly fiscal nasdaq nyse analysts acquisition acquired startup firewall firewalls vpn endpoint endpoints antivirus
  sensor sensors linux down offline load loading unusable unavailable disrupted disruption messages message chat browser browsers messaging meetings video calls workspace employees headquarters retailer stores
  insurer telecom carrier wireless broadband bank payments payment fintech airline airlines flights dataset ai chatbot model models product products
  customers' incident incidents cisa vendor vendors provider providers company companies firm corporation inc corp ltd plc llc group holdings
  `)

/** Words after the alias that show a company is meant ("Zoom said", "Apple's CEO"). */
export const ORG_NEXT = set(`
  said says say announced announces confirmed confirms disclosed discloses reported reports acknowledged acknowledges warned warns released
  releases patched patches shipped ships launched launches acquired acquires declined told stated states blamed blames apologized apologised
  apologizes apologises spokesperson spokeswoman spokesman representative ceo cfo cto ciso chief executives executive engineers employees staff
  customers users shares stock software servers cloud platform update updates patch security outage outages breach services service accounts account
  devices device app apps products product investors earnings revenue subscribers data team inc corp corporation ltd plc llc holdings
  machines pcs computers laptops systems hosts version versions kernel server desktop users tenant tenants instance instances
  `)

/** Words before the alias that show a company is meant ("rival Oracle", "vendor Box"). */
export const ORG_PREV = set("rival rivals competitor competitors vendor vendors provider giant maker firm company companies startup versus vs")

/** Corporate suffixes ("Oracle Corp", "Block Inc."). */
export const CORPORATE_SUFFIX = set("inc incorporated corp corporation ltd llc plc co group holdings technologies ag se sa nv gmbh")

/** Stock exchanges and ticker words that introduce a ticker ("NYSE: T", "ticker NET"). */
export const EXCHANGES = set("nyse nasdaq tsx asx lse hkex sehk tyo tse sse szse krx kosdaq euronext xetra otc nysearca twse bse nse lon")
export const TICKER_WORDS = set("ticker symbol")

/** Words that make the ordinary meaning likely (fruit, river, window glass, rope, town square, sports). */
export const OFF_TOPIC_CUES = set(`
  river rivers rainforest forest forests jungle basin tribe tribes amazonian delphi prophecy prophet oracles greek ancient myth mythology temple
  fruit fruits pie pies juice orchard orchards tree trees cider recipe recipes bake baking baked cooking cook cinnamon sugar flour butter oven
  lens lenses camera cameras photography photographer telephoto curtain curtains blinds glazing glass sill sills pane panes frames shutters
  rope ropes sail sails sailing knot knots yarn line archery arrow arrows bullseye plaza town village downtown residents council mayor neighborhood
  neighbourhood street avenue stables horse horses pony ponies cardboard moving boxes parcel basketball soccer football hockey baseball rugby
  season player players coach coaches rebound rebounds tackle tackles lineup quarterback touchdown goal goals score scored match league
  garden gardening kitchen bedroom bathroom house homes apartment rent weather rain sunny wildlife species animals fish fishing birds
  `)

/** Words after the alias that show the ordinary meaning ("Amazon river", "Oracle of Delphi", "zoom lens"). */
export const PLAIN_NEXT = set(`
  river rainforest basin jungle delta tribe forest of at pie juice tree trees orchard cider lens lenses camera city council county police
  residents square stables frame frames sill pane glass shutters commission committee act agency department board authority university
  street avenue park road museum festival stadium college school institute prize award hotel mall
  `)

/** Determiners that precede common nouns but not company names ("a box", "each window"). */
export const COMMON_DETERMINERS = set("a an another each every any some this these those such no")

/** Prepositions of place ("in Palo Alto"). */
export const PLACE_PREPS = set("in near around outside downtown across through toward towards visit visited visiting from")
