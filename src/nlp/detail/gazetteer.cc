#include "nlp/detail/gazetteer.h"

namespace wirebrief::nlp::detail {
namespace {

constexpr std::string_view kCountries =
#include "nlp/detail/countries.inc"
    ;

// Written for wirebrief. "Name|CC" (CC may be empty): states, provinces, nations of the UK,
// regions and continents.
constexpr std::string_view kRegions =
    "Alabama|US;Alaska|US;Arizona|US;Arkansas|US;California|US;Colorado|US;Connecticut|US;Delaware|"
    "US;"
    "Florida|US;Hawaii|US;Idaho|US;Illinois|US;Indiana|US;Iowa|US;Kansas|US;Kentucky|US;Louisiana|"
    "US;"
    "Maine|US;Maryland|US;Massachusetts|US;Michigan|US;Minnesota|US;Mississippi|US;Missouri|US;"
    "Montana|US;Nebraska|US;Nevada|US;New Hampshire|US;New Jersey|US;New Mexico|US;New York "
    "State|US;"
    "North Carolina|US;North Dakota|US;Ohio|US;Oklahoma|US;Oregon|US;Pennsylvania|US;Rhode "
    "Island|US;"
    "South Carolina|US;South Dakota|US;Tennessee|US;Texas|US;Utah|US;Vermont|US;Virginia|US;"
    "West Virginia|US;Wisconsin|US;Wyoming|US;Ontario|CA;Quebec|CA;British Columbia|CA;Alberta|CA;"
    "Manitoba|CA;Saskatchewan|CA;Nova Scotia|CA;England|GB;Scotland|GB;Wales|GB;Northern "
    "Ireland|GB;"
    "Bavaria|DE;Catalonia|ES;Andalusia|ES;Sicily|IT;Tuscany|IT;Lombardy|IT;Punjab|;Kashmir|;Tibet|"
    "CN;"
    "Xinjiang|CN;Siberia|RU;Chechnya|RU;Crimea|UA;Donbas|UA;Gaza|PS;Gaza Strip|PS;West Bank|PS;"
    "Kurdistan|;Darfur|SD;Patagonia|;Queensland|AU;Victoria|AU;New South Wales|AU;Tasmania|AU;"
    "Europe|;Asia|;Africa|;Antarctica|;Oceania|;North America|;South America|;Latin America|;"
    "Central America|;Middle East|;Caribbean|;Balkans|;Scandinavia|;Mediterranean|;Sahel|;"
    "Horn of Africa|;Persian Gulf|;Arctic|;Pacific|;Atlantic|;Midwest|US;Silicon Valley|US;"
    "Capitol Hill|US;Southeast Asia|;East Asia|;Central Asia|;South Asia|;Eastern Europe|;"
    "Western Europe|;Sub-Saharan Africa|;West Africa|;East Africa|;North Africa|;Amazon|;"
    "Earth|;Himalayas|;Alps|;Andes|;Rockies|;Mississippi River|US;Nile|;Danube|;Rhine|;Thames|GB";

// Written for wirebrief: cities tzdata's zone names leave out (it names one city per zone).
constexpr std::string_view kCities =
    "Washington, D.C.|US;Washington D.C.|US;New York City|US;Boston|US;San Francisco|US;Seattle|US;"
    "Houston|US;Dallas|US;Atlanta|US;Miami|US;Philadelphia|US;Las Vegas|US;St. Louis|US;"
    "New Orleans|US;Baltimore|US;San Diego|US;Austin|US;Portland|US;Cleveland|US;Pittsburgh|US;"
    "Minneapolis|US;Orlando|US;Sacramento|US;Hollywood|US;Brooklyn|US;Manhattan|US;Oakland|US;"
    "Toronto|CA;Montreal|CA;Vancouver|CA;Calgary|CA;Manchester|GB;Birmingham|GB;Liverpool|GB;"
    "Edinburgh|GB;Glasgow|GB;Cardiff|GB;Belfast|GB;Oxford|GB;Cambridge|GB;Leeds|GB;Bristol|GB;"
    "Munich|DE;Hamburg|DE;Frankfurt|DE;Cologne|DE;Marseille|FR;Lyon|FR;Nice|FR;Strasbourg|FR;"
    "Barcelona|ES;Valencia|ES;Seville|ES;Milan|IT;Naples|IT;Venice|IT;Florence|IT;Turin|IT;"
    "Geneva|CH;Zurich|CH;Rotterdam|NL;Antwerp|BE;Krakow|PL;St. Petersburg|RU;Saint Petersburg|RU;"
    "Istanbul|TR;Kharkiv|UA;Odesa|UA;Odessa|UA;Lviv|UA;Mumbai|IN;Bombay|IN;Kolkata|IN;Chennai|IN;"
    "Bangalore|IN;Bengaluru|IN;Karachi|PK;Lahore|PK;Shanghai|CN;Guangzhou|CN;Shenzhen|CN;Wuhan|CN;"
    "Osaka|JP;Kyoto|JP;Busan|KR;Sydney|AU;Melbourne|AU;Brisbane|AU;Perth|AU;Auckland|NZ;"
    "Johannesburg|ZA;Cape Town|ZA;Durban|ZA;Lagos|NG;Alexandria|EG;Casablanca|MA;Mombasa|KE;"
    "Rio de Janeiro|BR;Sao Paulo|BR;São Paulo|BR;Tel Aviv|IL;Jeddah|SA;Mecca|SA;Dubai|AE;Aleppo|SY;"
    "Mosul|IQ;Basra|IQ;Kandahar|AF;Benghazi|LY;Mandalay|MM;Ho Chi Minh City|VN;Guadalajara|MX;"
    "Monterrey|MX;Tijuana|MX;Medellin|CO;Medellín|CO";

// Written for wirebrief: agencies, institutions, parties, companies and media a news text names
// without an organisation word in the name.
constexpr std::string_view kOrgs =
    "United Nations;UN;U.N.;NATO;European Union;EU;World Health Organization;WHO;International "
    "Monetary Fund;"
    "IMF;World Bank;World Trade Organization;WTO;OPEC;African Union;ASEAN;Red Cross;Red Crescent;"
    "Amnesty International;Human Rights "
    "Watch;Greenpeace;Interpol;Europol;UNICEF;UNESCO;UNHCR;FBI;CIA;"
    "NSA;NASA;FDA;CDC;EPA;FEMA;Pentagon;White House;Kremlin;Congress;Senate;House of "
    "Representatives;"
    "Supreme Court;European Commission;European Parliament;Security Council;Federal Reserve;Fed;"
    "European Central Bank;ECB;Bank of England;Reuters;Associated Press;AP;AFP;Agence "
    "France-Presse;"
    "BBC;CNN;Al Jazeera;Fox News;NPR;Bloomberg;Wikinews;Wikipedia;Wikimedia;Google;Apple;Microsoft;"
    "Facebook;Twitter;Amazon;YouTube;Meta;Tesla;Boeing;Airbus;Toyota;Samsung;Sony;Taliban;Hamas;"
    "Hezbollah;al-Qaeda;Al-Qaeda;Islamic State;ISIS;ISIL;Democratic Party;Republican "
    "Party;Democrats;"
    "Republicans;GOP;Labour;Labour Party;Conservative Party;Conservatives;Tories;Liberal Democrats;"
    "Green Party;Greens;IOC;FIFA;UEFA;NBA;NFL;MLB;NHL;Olympic "
    "Committee;G7;G20;Bundestag;Duma;Knesset;"
    "Politburo;Scotland Yard;Home Office;Foreign Office;Downing Street;Elysee;Élysée;Vatican Bank";

// Written for wirebrief: companies, brands, platforms and media outlets widely known by a bare
// name that carries no organisation word (so neither the word lists nor a capitalised run marks
// them). Names that are also common words or surnames ("Target", "Shell", "Ford") are left out:
// the list is a tagger feature and would mislead it there.
constexpr std::string_view kCompanies =
    // Technology, platforms, apps.
    "Netflix;Spotify;Uber;Lyft;Airbnb;Snapchat;Snap Inc.;Instagram;WhatsApp;TikTok;ByteDance;"
    "Reddit;LinkedIn;Pinterest;Tumblr;Yahoo;Yahoo!;Bing;eBay;PayPal;Alibaba;Tencent;Baidu;Huawei;"
    "Xiaomi;Lenovo;Intel;AMD;Nvidia;Qualcomm;IBM;Oracle;Cisco;Dell;Hewlett-Packard;Adobe;"
    "Salesforce;SAP;Siemens;Nokia;Ericsson;Motorola;BlackBerry;Dropbox;Skype;Mozilla;OpenAI;"
    "DeepMind;SpaceX;Alphabet;Telegram;WeChat;Weibo;Twitch;Deliveroo;Shopify;Zillow;Yelp;"
    "Foxconn;TSMC;Nintendo;Ubisoft;Activision;Electronic Arts;"
    // Vehicles, aerospace, industry, pharmaceuticals.
    "Volkswagen;VW;BMW;Mercedes-Benz;Daimler;Audi;Porsche;General Motors;Chrysler;Fiat;Renault;"
    "Peugeot;Nissan;Honda;Hyundai;Volvo;Ferrari;Lockheed Martin;Raytheon;Northrop Grumman;"
    "Rolls-Royce;General Electric;Caterpillar;Bayer;BASF;Pfizer;Moderna;AstraZeneca;"
    "Johnson & Johnson;Novartis;Roche;Sanofi;GlaxoSmithKline;GSK;Monsanto;Embraer;Bombardier;"
    // Consumer goods, retail, food.
    "Walmart;Tesco;Sainsbury's;Asda;Carrefour;Aldi;Lidl;Ikea;IKEA;Nike;Adidas;Puma;Coca-Cola;"
    "PepsiCo;Pepsi;Nestle;Nestlé;Unilever;Procter & Gamble;McDonald's;Starbucks;KFC;Disney;"
    "Marks & Spencer;H&M;Zara;Costco;Heineken;Danone;L'Oreal;L'Oréal;Gucci;Prada;Louis Vuitton;"
    // Energy, mining, finance, telecoms, airlines.
    "ExxonMobil;Exxon;Chevron;BP;Gazprom;Rosneft;TotalEnergies;Aramco;Saudi Aramco;Petrobras;"
    "Glencore;Rio Tinto;BHP;Goldman Sachs;JPMorgan;JP Morgan;Morgan Stanley;Citigroup;Citibank;"
    "HSBC;Barclays;Deutsche Bank;UBS;Credit Suisse;BNP Paribas;Santander;Mastercard;"
    "American Express;BlackRock;AT&T;Verizon;Vodafone;T-Mobile;Deutsche Telekom;Telefonica;"
    "Ryanair;easyJet;Lufthansa;Qantas;KLM;British Airways;Air France;"
    // News agencies and media.
    "Xinhua;TASS;Interfax;RIA Novosti;Kyodo;Yonhap;dpa;Deutsche Presse-Agentur;ANSA;EFE;"
    "Washington Post;Wall Street Journal;Financial Times;Le Monde;Le Figaro;Der Spiegel;Spiegel;"
    "El Pais;El País;El Mundo;Die Zeit;Politico;Axios;BuzzFeed;HuffPost;Huffington Post;"
    "Daily Mail;Newsweek;Forbes;ABC;CBS;NBC;HBO;ITV;Sky News;CNBC;MSNBC;PBS;CBC;RT;Al Arabiya;"
    "Deutsche Welle;France 24;Euronews";

// Written for wirebrief: common given names across languages (features for person names).
constexpr std::string_view kFirstNames =
    "James;John;Robert;Michael;William;David;Richard;Joseph;Thomas;Charles;Christopher;Daniel;"
    "Matthew;"
    "Anthony;Mark;Donald;Steven;Paul;Andrew;Joshua;Kenneth;Kevin;Brian;George;Timothy;Ronald;"
    "Edward;"
    "Jason;Jeffrey;Ryan;Jacob;Gary;Nicholas;Eric;Jonathan;Stephen;Larry;Justin;Scott;Brandon;"
    "Benjamin;"
    "Samuel;Gregory;Alexander;Frank;Patrick;Raymond;Jack;Dennis;Jerry;Tyler;Aaron;Jose;Adam;Nathan;"
    "Henry;Douglas;Zachary;Peter;Kyle;Ethan;Walter;Noah;Jeremy;Christian;Keith;Roger;Terry;Gerald;"
    "Harold;Sean;Austin;Carl;Arthur;Lawrence;Dylan;Jesse;Jordan;Bryan;Billy;Joe;Bruce;Gabriel;"
    "Logan;"
    "Albert;Willie;Alan;Juan;Wayne;Elijah;Randy;Roy;Vincent;Ralph;Eugene;Russell;Bobby;Mason;"
    "Philip;"
    "Louis;Mary;Patricia;Jennifer;Linda;Elizabeth;Barbara;Susan;Jessica;Sarah;Karen;Lisa;Nancy;"
    "Betty;"
    "Margaret;Sandra;Ashley;Kimberly;Emily;Donna;Michelle;Carol;Amanda;Dorothy;Melissa;Deborah;"
    "Stephanie;Rebecca;Sharon;Laura;Cynthia;Kathleen;Amy;Angela;Shirley;Anna;Brenda;Pamela;Emma;"
    "Nicole;Helen;Samantha;Katherine;Christine;Debra;Rachel;Carolyn;Janet;Catherine;Maria;Heather;"
    "Diane;Ruth;Julie;Olivia;Joyce;Virginia;Victoria;Kelly;Lauren;Christina;Joan;Evelyn;Judith;"
    "Megan;"
    "Andrea;Cheryl;Hannah;Jacqueline;Martha;Gloria;Teresa;Ann;Sara;Madison;Frances;Kathryn;Janice;"
    "Jean;Abigail;Alice;Julia;Judy;Sophia;Grace;Denise;Amber;Doris;Marilyn;Danielle;Beverly;"
    "Isabella;"
    "Theresa;Diana;Natalie;Brittany;Charlotte;Marie;Kayla;Alexis;Lori;Hillary;Barack;Vladimir;"
    "Angela;"
    "Emmanuel;Xi;Narendra;Recep;Benjamin;Boris;Justin;Jacinda;Olaf;Mohammed;Muhammad;Ahmed;Ali;"
    "Omar;"
    "Hassan;Hussein;Ibrahim;Abdul;Mahmoud;Mustafa;Khalid;Fatima;Aisha;Yusuf;Karim;Amir;Reza;Ivan;"
    "Sergei;Sergey;Dmitry;Alexei;Andrei;Mikhail;Nikolai;Olga;Natalia;Tatiana;Elena;Irina;Svetlana;"
    "Pierre;Jean-Claude;Jacques;Francois;François;Marie;Sophie;Nicolas;Hans;Klaus;Jürgen;Wolfgang;"
    "Helmut;Angelika;Giuseppe;Giovanni;Marco;Luca;Francesco;Carlos;Luis;Miguel;Jorge;Pedro;Antonio;"
    "Manuel;Javier;Alejandro;Fernando;Ricardo;Rafael;Sofia;Lucia;Carmen;Ana;Isabel;Rosa;Wei;Li;"
    "Zhang;"
    "Hiroshi;Takeshi;Yuki;Kenji;Akira;Min;Jin;Raj;Rahul;Amit;Priya;Sanjay;Sunil;Arjun;Kwame;Kofi;"
    "Nelson;Jomo;Uhuru;Abiy;Cyril;Thabo;Lars;Erik;Sven;Anders;Ingrid;Astrid;Jan;Piotr;Pawel;"
    "Katarzyna;"
    "Stefan;Tom;Tim;Bob;Bill;Jim;Mike;Dave;Steve;Chris;Dan;Ben;Sam;Matt;Nick;Tony;Rick;Jeff;Greg;"
    "Ron;"
    "Ted;Fred;Ed;Al;Kate;Liz;Sue;Jane;Meg;Ellen;Eleanor;Rose;Lily;Leo;Oscar;Max;Felix;Hugo;Simon;"
    "Martin;Ian;Colin;Neil;Graham;Gordon;Tony;Theresa;Nigel;Keir;Rishi;Liz;Jeremy;Nicola;Mitt;Newt;"
    "Joe;Kamala;Nancy;Chuck;Mitch;Bernie;Elizabeth;Marco;Ted;Rand;Jeb;Hugh;Evan;Owen;Lee;Ray;Glenn;"
    "Dean;Earl;Craig;Todd;Troy;Wade;Shane;Brett;Lance;Clint;Kurt;Ross;Carlos;Eduardo;Emilio;"
    "Gustavo";

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t b = 0;
  while (b <= s.size()) {
    size_t e = s.find(sep, b);
    if (e == std::string_view::npos) e = s.size();
    out.push_back(s.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

std::string Key(const std::vector<Token>& toks, size_t i, size_t j) {
  std::string k(toks[i].text);
  for (size_t t = i + 1; t < j; ++t) {
    if (toks[t].Is(kSpaceBefore)) k += ' ';
    k += toks[t].text;
  }
  return k;
}

}  // namespace

void Gazetteer::Add(std::string_view phrase, GazKind kind, std::string_view code) {
  if (phrase.empty()) return;
  // News text writes the apostrophe curly as often as straight ("People’s Republic of China").
  if (size_t q = phrase.find('\''); q != std::string_view::npos) {
    std::string curly(phrase);
    for (size_t at = q; at != std::string::npos; at = curly.find('\'', at))
      curly.replace(at, 1, "\xE2\x80\x99");
    Add(curly, kind, code);
  }
  std::vector<Token> toks = Tokenize(phrase);
  if (toks.empty()) return;
  std::string key = Key(toks, 0, toks.size());
  // The first list to name a phrase wins: a country's name outranks a city of the same name.
  if (!phrases_.emplace(key, GazEntry{kind, std::string(code)}).second) return;
  int& m = max_tokens_[std::string(toks[0].text)];
  m = std::max(m, static_cast<int>(toks.size()));
}

Gazetteer::Gazetteer(std::string_view cities_tsv) {
  for (std::string_view line : Split(kCountries, '\n')) {
    if (line.empty() || line.substr(0, 2) == "//") continue;
    auto f = Split(line, '|');
    if (f.size() < 4) continue;
    auto names = Split(f[1], ';');
    country_names_[std::string(f[0])] = std::string(names[0]);
    for (auto n : names) Add(n, GazKind::kCountry, f[0]);
    for (auto n : Split(f[2], ';')) Add(n, GazKind::kDemonym, f[0]);
    for (auto n : Split(f[3], ';')) Add(n, GazKind::kCapital, f[0]);
  }
  for (auto item : Split(kOrgs, ';')) Add(item, GazKind::kOrg, "");
  for (auto item : Split(kCompanies, ';')) Add(item, GazKind::kOrg, "");
  for (auto item : Split(kRegions, ';')) {
    auto f = Split(item, '|');
    Add(f[0], GazKind::kRegion, f.size() > 1 ? f[1] : "");
  }
  for (auto item : Split(kCities, ';')) {
    auto f = Split(item, '|');
    Add(f[0], GazKind::kCity, f.size() > 1 ? f[1] : "");
  }
  for (auto line : Split(cities_tsv, '\n')) {
    auto f = Split(line, '\t');
    if (f.size() >= 2) Add(f[0], GazKind::kCity, f[1]);
  }
  for (auto n : Split(kFirstNames, ';')) first_names_[std::string(n)] = 1;
}

int Gazetteer::Match(const std::vector<Token>& toks, size_t i, size_t end,
                     const GazEntry** entry) const {
  if (i >= end || toks[i].Is(kPunct)) return 0;
  auto it = max_tokens_.find(std::string(toks[i].text));
  if (it == max_tokens_.end()) return 0;
  size_t longest = std::min(end, i + static_cast<size_t>(it->second));
  for (size_t j = longest; j > i; --j) {
    auto p = phrases_.find(Key(toks, i, j));
    if (p != phrases_.end()) {
      *entry = &p->second;
      return static_cast<int>(j - i);
    }
  }
  return 0;
}

std::string_view Gazetteer::CountryName(std::string_view code) const {
  auto it = country_names_.find(std::string(code));
  return it == country_names_.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace wirebrief::nlp::detail
