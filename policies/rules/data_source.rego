# Data sources (catalog §11.3): what a source may hold and how it may be used, whatever audience it later
# feeds. Every rule's logic lives in ethiq.lib.data_sources (DAT-005 and DAT-006 in ethiq.lib.sources), so
# that audiences and campaigns judge the sources they rest on by the same rules; this package only turns the
# reasons for the judged source into findings.
package ethiq.rules.data_source

import data.ethiq.lib.data_sources
import data.ethiq.lib.ttpa

# METADATA
# title: Art. 6 legal basis
# description: >-
#   Every data source must name its legal basis under GDPR Art. 6(1) in legal_basis.art6, as the record of
#   processing must. A source without one is a fail, not an unknown fact: the missing record is the breach.
# custom:
#   id: DAT-001
#   severity: block
#   title_sv: Rättslig grund enligt artikel 6
#   description_sv: >-
#     Varje datakälla måste ange sin rättsliga grund enligt artikel 6.1 i dataskyddsförordningen i
#     legal_basis.art6, så som registerförteckningen ska göra. En källa utan rättslig grund underkänns, den
#     behandlas inte som ett okänt faktum: det är den saknade uppgiften som är överträdelsen.
#   sources:
#     - seed: S12
#     - regulation: GDPR Art. 6(1)
#   effective_from: "2018-05-25"
#   remediation:
#     en: Document the Art. 6(1) legal basis of the processing in the record of processing, and state it in legal_basis.art6.
#     sv: Dokumentera den rättsliga grunden enligt artikel 6.1 i registerförteckningen och ange den i legal_basis.art6.
#   messages:
#     art6_missing:
#       en: "The source states no legal basis under GDPR Art. 6(1)."
#       sv: "Källan anger ingen rättslig grund enligt artikel 6.1 i dataskyddsförordningen."
deny contains finding if {
	some finding in _reasons("DAT-001")
}

# METADATA
# title: Art. 9 condition for special categories
# description: >-
#   A source holding special categories of personal data (GDPR Art. 9(1)) needs an Art. 9(2) condition. The
#   categories are those its data categories map to, those it declares it reveals, and political opinions
#   for the party's own lists of members, former members and donors. Art. 9(2)(d) never covers uploading the
#   list to a platform as a customer list or lookalike seed: that is a disclosure outside the party.
# custom:
#   id: DAT-002
#   severity: block
#   title_sv: Villkor enligt artikel 9 för känsliga personuppgifter
#   description_sv: >-
#     En källa som innehåller särskilda kategorier av personuppgifter (artikel 9.1 i dataskyddsförordningen)
#     behöver ett villkor enligt artikel 9.2. Kategorierna är de som källans datakategorier motsvarar, de som
#     källan anger att den avslöjar och politiska åsikter för partiets egna listor över medlemmar, tidigare
#     medlemmar och givare. Artikel 9.2 d gäller aldrig när listan laddas upp till en plattform som kundlista
#     eller som källa för en lookalike-målgrupp: det är ett utlämnande utanför partiet.
#   sources:
#     - seed: S12
#     - regulation: GDPR Art. 9(1)
#     - regulation: GDPR Art. 9(2)(d)
#       note: Members' data of a political body may not be disclosed outside it without the data subjects' consent.
#   effective_from: "2018-05-25"
#   remediation:
#     en: Obtain explicit consent (Art. 9(2)(a)) for the use, or use the data only for communication with the members themselves, never uploaded to a platform.
#     sv: Inhämta uttryckligt samtycke (artikel 9.2 a) till användningen, eller använd uppgifterna bara för kommunikation med medlemmarna själva och ladda aldrig upp dem till en plattform.
#   messages:
#     no_art9_condition:
#       en: "The source holds special categories of personal data ({categories}) but states no Art. 9(2) condition."
#       sv: "Källan innehåller särskilda kategorier av personuppgifter ({categories}) men anger inget villkor enligt artikel 9.2."
#     art9_2d_disclosure:
#       en: >-
#         The source relies on Art. 9(2)(d) but is uploaded to a platform ({mechanism}): the condition does not
#         cover disclosure outside the party without consent.
#       sv: >-
#         Källan stöder sig på artikel 9.2 d men laddas upp till en plattform ({mechanism}): villkoret omfattar
#         inte utlämnande utanför partiet utan samtycke.
#     art9_missing:
#       en: "The source holds special categories of personal data ({categories}) and its Art. 9(2) condition is missing."
#       sv: "Källan innehåller särskilda kategorier av personuppgifter ({categories}) och villkoret enligt artikel 9.2 saknas."
#     special_categories_unknown:
#       en: >-
#         The field is missing or unknown, so the source cannot be cleared of special categories of personal
#         data, and it states no Art. 9(2) condition.
#       sv: >-
#         Fältet saknas eller är okänt, så det går inte att utesluta att källan innehåller särskilda kategorier
#         av personuppgifter, och den anger inget villkor enligt artikel 9.2.
#     mechanism_unknown:
#       en: "The source relies on Art. 9(2)(d) and is bound to a platform by an unstated mechanism, so it cannot be cleared of being uploaded."
#       sv: "Källan stöder sig på artikel 9.2 d och är kopplad till en plattform på ett sätt som inte anges, så det går inte att utesluta att den laddas upp."
deny contains finding if {
	some finding in _reasons("DAT-002")
}

# METADATA
# title: Never individual-level data for targeting
# description: >-
#   Identified or pseudonymous data must not be used for political advertising, nor uploaded to an ad
#   platform as a customer list. Hashing does not change identifiability: a source declared anonymous or
#   aggregated whose records are hashed, or that is uploaded as a customer list, is treated as pseudonymous,
#   and the declaration is reported as inconsistent. Not applicable to sources used only for member
#   communication and newsletters and not uploaded.
# custom:
#   id: DAT-003
#   severity: block
#   title_sv: Aldrig data på individnivå för målgruppsstyrning
#   description_sv: >-
#     Identifierade eller pseudonymiserade uppgifter får inte användas för politisk reklam och inte laddas
#     upp till en annonsplattform som kundlista. Hashning ändrar inte identifierbarheten: en källa som anges
#     vara anonym eller aggregerad men vars poster är hashade, eller som laddas upp som kundlista, behandlas
#     som pseudonymiserad, och uppgiften rapporteras som motsägelsefull. Regeln gäller inte källor som bara
#     används för medlemskommunikation och nyhetsbrev och som inte laddas upp.
#   sources:
#     - seed: S13
#     - seed: P3
#     - regulation: GDPR Art. 4(5)
#     - regulation: GDPR Recital 26
#       note: Pseudonymised data that can be attributed with additional information are data on an identifiable person.
#     - regulation: WP29 Opinion 05/2014 on anonymisation techniques (WP216)
#       note: Pseudonymisation is not a method of anonymisation.
#   effective_from: "2018-03-22"
#   verification: "GDPR Art. 4(5) and Recital 26: the wording is from memory [M] (regulation-and-platforms.md §3.1)."
#   remediation:
#     en: Target with group-level criteria, or with platform-native aggregates above the size floor; never upload lists of people.
#     sv: Styr målgruppen med kriterier på gruppnivå, eller med plattformens egna aggregat över storleksgränsen; ladda aldrig upp listor över personer.
#   messages:
#     individual_level:
#       en: "The source's identifiability is {identifiability}: it holds data on individuals, and it is used for political advertising."
#       sv: "Källans identifierbarhet är {identifiability}: den innehåller uppgifter om enskilda personer, och den används för politisk reklam."
#     uploaded_list:
#       en: "The source's identifiability is {identifiability} and it is uploaded to {platform} as a customer list, which targets people one by one."
#       sv: "Källans identifierbarhet är {identifiability} och den laddas upp till {platform} som kundlista, vilket styr annonser mot enskilda personer."
#     declared_inconsistent:
#       en: >-
#         The source is declared {declared}, but its processing ({evidence}) keeps one record per person:
#         hashing does not change identifiability (GDPR Recital 26), so the data is pseudonymous, and
#         pseudonymous data is never used for targeting. The declaration is inconsistent.
#       sv: >-
#         Källan anges vara {declared}, men dess behandling ({evidence}) behåller en post per person: hashning
#         ändrar inte identifierbarheten (skäl 26 i dataskyddsförordningen), så uppgifterna är
#         pseudonymiserade, och pseudonymiserade uppgifter används aldrig för målgruppsstyrning. Uppgiften om
#         identifierbarhet är motsägelsefull.
#     identifiability_unknown:
#       en: "Whether the records identify people is missing or unknown, and the source is or may be used for advertising."
#       sv: "Det saknas uppgift om huruvida posterna identifierar personer, och källan används eller kan användas för reklam."
#     purposes_unknown:
#       en: "The source's identifiability is {identifiability} and its purposes are missing, so it cannot be cleared of use for political advertising."
#       sv: "Källans identifierbarhet är {identifiability} och dess ändamål saknas, så det går inte att utesluta att den används för politisk reklam."
deny contains finding if {
	some finding in _reasons("DAT-003")
}

# METADATA
# title: De-identified and grouped at the vendor
# description: >-
#   Data a vendor supplies or collects must be de-identified and grouped at the vendor: aggregated or
#   anonymous, with no cell smaller than the context's k_min_vendor_aggregate. The source's cells are no
#   bigger than its vendor's: a vendor whose data_handling.k_min is below the minimum fails the source too,
#   and a vendor's k_min at or above it answers a source that gives none. Whether a vendor holds the data
#   must be stated: vendor_id null for a party-internal source.
# custom:
#   id: DAT-004
#   severity: block
#   title_sv: Avidentifierad och grupperad hos leverantören
#   description_sv: >-
#     Uppgifter som en leverantör levererar eller samlar in ska vara avidentifierade och grupperade hos
#     leverantören: aggregerade eller anonyma, utan någon cell som är mindre än kontextens
#     k_min_vendor_aggregate. Källans celler är inte större än leverantörens: en leverantör vars
#     data_handling.k_min ligger under minimigränsen underkänner också källan, och en leverantörs k_min på
#     eller över gränsen besvarar en källa som inte anger någon. Det måste framgå om en leverantör hanterar
#     uppgifterna: vendor_id null för en källa som bara partiet hanterar.
#   sources:
#     - seed: S13
#   effective_from: "2018-03-22"
#   remediation:
#     en: Have the vendor aggregate the data before it is used, with cells of at least the policy's minimum size.
#     sv: Låt leverantören aggregera uppgifterna innan de används, med celler som är minst så stora som policyns minsta storlek.
#   messages:
#     not_aggregated:
#       en: "The source is held by a vendor and its identifiability is {identifiability}: vendors deliver only aggregated or anonymous data."
#       sv: "Källan hanteras av en leverantör och dess identifierbarhet är {identifiability}: leverantörer levererar bara aggregerade eller anonyma uppgifter."
#     declared_inconsistent:
#       en: >-
#         The source is held by a vendor and declared {declared}, but its processing ({evidence}) keeps one
#         record per person: hashed or listed records are pseudonymous (GDPR Recital 26), so the data is not
#         de-identified at the vendor. The declaration is inconsistent.
#       sv: >-
#         Källan hanteras av en leverantör och anges vara {declared}, men dess behandling ({evidence}) behåller
#         en post per person: hashade eller listade poster är pseudonymiserade (skäl 26 i
#         dataskyddsförordningen), så uppgifterna är inte avidentifierade hos leverantören. Uppgiften om
#         identifierbarhet är motsägelsefull.
#     k_min_below:
#       en: "The smallest cell of the vendor's data holds {k_min} people, below the minimum of {threshold}."
#       sv: "Den minsta cellen i leverantörens data innehåller {k_min} personer, under minimigränsen {threshold}."
#     vendor_k_min_below:
#       en: "The vendor {vendor} delivers cells of {k_min} people (data_handling.k_min), below the minimum of {threshold}."
#       sv: "Leverantören {vendor} levererar celler med {k_min} personer (data_handling.k_min), under minimigränsen {threshold}."
#     k_min_unknown:
#       en: "The vendor's data is declared aggregated or anonymous but its smallest cell size (k_min) is missing."
#       sv: "Leverantörens data anges vara aggregerad eller anonym men uppgift om minsta cellstorlek (k_min) saknas."
#     identifiability_unknown:
#       en: "The source is held by a vendor and whether its records identify people is missing or unknown."
#       sv: "Källan hanteras av en leverantör och det saknas uppgift om huruvida posterna identifierar personer."
#     vendor_unknown:
#       en: >-
#         Whether a vendor supplies or holds the data is missing or unknown (vendor_id null means party-internal),
#         and the data is not shown to be aggregated at the vendor's minimum cell size.
#       sv: >-
#         Det saknas uppgift om huruvida en leverantör levererar eller hanterar uppgifterna (vendor_id null betyder
#         att bara partiet hanterar dem), och det är inte visat att uppgifterna är aggregerade med leverantörens
#         minsta cellstorlek.
deny contains finding if {
	some finding in _reasons("DAT-004")
}

# METADATA
# title: No quiz-app or app-developer data
# description: >-
#   A data source must not hold data collected through a quiz app, a personality test or a social-login
#   app, data whose declared origin is a quiz app or an app developer, data tied to a platform app id, or
#   data supplied or collected by a vendor that develops apps. The collection method decides, whatever
#   origin is declared.
# custom:
#   id: DAT-005
#   severity: block
#   title_sv: Ingen data från quizappar eller apputvecklare
#   description_sv: >-
#     En datakälla får inte innehålla data som samlats in via en quizapp, ett personlighetstest eller en
#     app med social inloggning, data vars angivna ursprung är en quizapp eller en apputvecklare, data som
#     är knuten till ett app-id på en plattform eller data som levererats eller samlats in av en leverantör
#     som utvecklar appar.
#     Insamlingsmetoden avgör, oavsett vilket ursprung som anges.
#   sources:
#     - seed: S15
#   effective_from: "2018-03-22"
#   remediation:
#     en: Stop using the source, delete it and every audience or source derived from it, and rebuild from data the party collected itself without an app.
#     sv: Sluta använda källan, radera den och alla målgrupper och källor som härletts ur den, och bygg om med data som partiet självt har samlat in utan app.
#   messages:
#     app_method:
#       en: "The data was collected with the method {method}: quiz, personality-test and social-login apps are banned data sources."
#       sv: "Datan samlades in med metoden {method}: quizappar, personlighetstester och appar med social inloggning är förbjudna datakällor."
#     app_origin:
#       en: "The declared origin of the data is {origin}: data from quiz apps and app developers is banned."
#       sv: "Datans angivna ursprung är {origin}: data från quizappar och apputvecklare är förbjuden."
#     platform_app:
#       en: "The data is tied to the platform app {app_id}: data collected through apps on a platform is banned."
#       sv: "Datan är knuten till plattformsappen {app_id}: data som samlats in via appar på en plattform är förbjuden."
#     app_developer_vendor:
#       en: "The data comes from the vendor {vendor}, which is an app developer: data bought from app developers is banned."
#       sv: "Datan kommer från leverantören {vendor}, som är en apputvecklare: data som köps in från apputvecklare är förbjuden."
#     method_unknown:
#       en: "The collection method is missing or unknown, so the source cannot be cleared of quiz-app or app data."
#       sv: "Insamlingsmetoden saknas eller är okänd, så det går inte att utesluta att källan innehåller data från quizappar eller andra appar."
#     platform_app_unknown:
#       en: "Whether the data came through a platform app is declared unknown, so the source cannot be cleared of app data."
#       sv: "Det är angivet som okänt om datan kom via en plattformsapp, så det går inte att utesluta att källan innehåller appdata."
#     vendor_unknown:
#       en: "The vendor that supplied or collected the data is declared unknown, so it cannot be cleared of being an app developer."
#       sv: "Leverantören som levererade eller samlade in datan är angiven som okänd, så det går inte att utesluta att den är en apputvecklare."
#     vendor_missing:
#       en: "The vendor {vendor} is not among the documents checked, so it cannot be cleared of being an app developer."
#       sv: "Leverantören {vendor} finns inte bland de granskade dokumenten, så det går inte att utesluta att den är en apputvecklare."
#     vendor_roles_unknown:
#       en: "The roles of the vendor {vendor} are missing or unknown, so it cannot be cleared of being an app developer."
#       sv: "Leverantören {vendor} saknar angivna roller, så det går inte att utesluta att den är en apputvecklare."
#   non_waivable: true
deny contains finding if {
	some finding in _reasons("DAT-005")
}

# METADATA
# title: No psychographic or personality data
# description: >-
#   A data source must not hold personality or psychographic data, such as OCEAN scores, nor segments
#   built as psychographic segments. That is the data psychographic targeting runs on. Segments are judged
#   by their type, never by their display name.
# custom:
#   id: DAT-006
#   severity: block
#   title_sv: Ingen psykografisk data eller personlighetsdata
#   description_sv: >-
#     En datakälla får inte innehålla personlighetsdata eller psykografisk data, till exempel OCEAN-poäng,
#     och inte heller segment som byggts som psykografiska segment. Det är sådan data som psykografisk
#     targeting bygger på. Segment bedöms efter sin typ, aldrig efter sitt visningsnamn.
#   sources:
#     - seed: S15
#     - regulation: GDPR Art. 9(1)
#       note: Personality profiles built to predict political behaviour can reveal political opinions, a special category.
#     - regulation: TTPA Art. 18(1)(c)
#       note: Reg. (EU) 2024/900 bans profiling with special categories of personal data for political advertising.
#   effective_from: "2018-03-22"
#   verification: "TTPA Art. 18(1)(c): the substance is from secondary sources [S]; the wording and point letter are from memory [M]."
#   remediation:
#     en: Remove the personality or psychographic categories and segments from the source and delete the stored scores.
#     sv: Ta bort personlighetskategorierna och de psykografiska segmenten ur källan och radera de lagrade poängen.
#   messages:
#     psychographic_category:
#       en: "The data categories include {category}: personality or psychographic data."
#       sv: "Datakategorierna innehåller {category}: personlighetsdata eller psykografisk data."
#     psychographic_segment:
#       en: "The segment {segment} is a psychographic segment."
#       sv: "Segmentet {segment} är ett psykografiskt segment."
#     categories_unknown:
#       en: "The data categories are missing or unknown, so the source cannot be cleared of personality or psychographic data."
#       sv: "Datakategorierna saknas eller är okända, så det går inte att utesluta att källan innehåller personlighetsdata eller psykografisk data."
#   non_waivable: true
deny contains finding if {
	some finding in _reasons("DAT-006")
}

# METADATA
# title: Lineage taint
# description: >-
#   A source is tainted by its lineage: it fails when any source it was derived from, at any depth, fails
#   DAT-005 (quiz-app or app-developer data), DAT-006 (psychographic data) or DAT-008 (bought or third-party
#   data), or when it or an ancestor was supplied or collected by a vendor that fails VEN-001 or VEN-002
#   (Cambridge Analytica, directly or through its owners). A platform-native lookalike seed built from a quiz
#   list is a quiz list. The finding names the path from the source to the tainted ancestor.
# custom:
#   id: DAT-007
#   severity: block
#   title_sv: Smitta i härledningen
#   description_sv: >-
#     En källa smittas av sin härledning: den underkänns när någon källa den härletts ur, i vilket led som
#     helst, bryter mot DAT-005 (data från quizappar eller apputvecklare), DAT-006 (psykografisk data) eller
#     DAT-008 (köpt data eller data från tredje part), eller när den själv eller en källa den härletts ur har
#     levererats eller samlats in av en leverantör som bryter mot VEN-001 eller VEN-002 (Cambridge Analytica,
#     direkt eller genom ägarna). En lookalike-källa från plattformen som byggts på en quizlista är en
#     quizlista. Avvikelsen anger vägen från källan till den smittade källan.
#   sources:
#     - seed: S13
#     - seed: S14
#     - seed: S15
#     - seed: S17
#   effective_from: "2018-03-22"
#   remediation:
#     en: Rebuild the source from clean sources only, and delete it and everything derived from the tainted source.
#     sv: Bygg om källan enbart från tillåtna källor, och radera den och allt som härletts ur den smittade källan.
#   messages:
#     tainted_ancestor:
#       en: "The source is derived from {ancestor} (path: {chain}), which fails {reason_rule} at {field}."
#       sv: "Källan är härledd ur {ancestor} (väg: {chain}), som bryter mot {reason_rule} vid {field}."
#     ancestor_unchecked:
#       en: "The source is derived from {ancestor} (path: {chain}), which cannot be cleared of {reason_rule}: {field} is missing or unknown."
#       sv: "Källan är härledd ur {ancestor} (väg: {chain}), och det går inte att utesluta att den bryter mot {reason_rule}: {field} saknas eller är okänt."
#     cambridge_analytica_vendor:
#       en: "The data of {source} comes from the vendor {vendor} (path: {chain}), which fails {reason_rule} (Cambridge Analytica)."
#       sv: "Datan i {source} kommer från leverantören {vendor} (väg: {chain}), som bryter mot {reason_rule} (Cambridge Analytica)."
#     vendor_unchecked:
#       en: "The data of {source} comes from the vendor {vendor} (path: {chain}), which cannot be cleared of {reason_rule} (Cambridge Analytica)."
#       sv: "Datan i {source} kommer från leverantören {vendor} (väg: {chain}), och det går inte att utesluta att den bryter mot {reason_rule} (Cambridge Analytica)."
#     ancestor_unresolved:
#       en: "The source is derived from {ancestor} (path: {chain}), which is not among the documents checked, so its lineage cannot be cleared."
#       sv: "Källan är härledd ur {ancestor} (väg: {chain}), som inte finns bland de granskade dokumenten, så härledningen kan inte godkännas."
#     ancestor_lineage_unknown:
#       en: "The source is derived from {ancestor} (path: {chain}), which does not state what it was derived from."
#       sv: "Källan är härledd ur {ancestor} (väg: {chain}), som inte anger vad den själv är härledd ur."
#     lineage_unknown:
#       en: "The source does not state what it was derived from (lineage.derived_from; an empty list says nothing), so its lineage cannot be cleared."
#       sv: "Källan anger inte vad den är härledd ur (lineage.derived_from; en tom lista betyder ingenting), så härledningen kan inte godkännas."
#   non_waivable: true
deny contains finding if {
	some finding in _reasons("DAT-007")
}

# METADATA
# title: No bought, third-party or voter-file data
# description: >-
#   A source must hold only data the party collected itself: not data from a broker, a voter file, a public
#   register or scraping, not data bought or exchanged, and not a platform audience marked as partner-provided
#   (Meta customer_file_source) or as anything but first-party (Google data_source_type). Data another
#   organisation collected (second_party) needs a review.
# custom:
#   id: DAT-008
#   severity: block
#   title_sv: Ingen köpt data, data från tredje part eller väljarregister
#   description_sv: >-
#     En källa får bara innehålla uppgifter som partiet självt har samlat in: inte uppgifter från en
#     datamäklare, ett väljarregister, ett offentligt register eller skrapning, inte uppgifter som köpts eller
#     bytts, och inte en plattformsmålgrupp som är markerad som levererad av partner (Metas
#     customer_file_source) eller som något annat än förstapartsdata (Googles data_source_type). Uppgifter som
#     en annan organisation har samlat in (second_party) måste granskas.
#   sources:
#     - seed: S15
#     - regulation: TTPA Art. 18(1)(a)
#       note: Reg. (EU) 2024/900 allows targeting only with personal data the controller collected from the data subject.
#     - regulation: Meta Marketing API, custom audience customer_file_source
#       note: PARTNER_PROVIDED_ONLY and BOTH_USER_AND_PARTNER_PROVIDED mean third-party data.
#     - regulation: Google Ads API, CrmBasedUserList data_source_type
#       note: THIRD_PARTY_CREDIT_BUREAU, THIRD_PARTY_VOTER_FILE and THIRD_PARTY_PARTNER_DATA are third-party data.
#   effective_from: "2018-03-22"
#   verification: "TTPA Art. 18(1)(a): the substance is from secondary sources [S]; the wording is from memory [M]."
#   remediation:
#     en: Stop using the source and use only data the party collected itself, from the people it is about.
#     sv: Sluta använda källan och använd bara uppgifter som partiet självt har samlat in från de personer uppgifterna gäller.
#   messages:
#     bought_origin:
#       en: "The declared origin of the data is {origin}: bought, third-party, register and scraped data is banned."
#       sv: "Datans angivna ursprung är {origin}: köpt data, data från tredje part, registerdata och skrapad data är förbjuden."
#     bought_method:
#       en: "The data was collected with the method {method}: bought, exchanged and scraped data is banned."
#       sv: "Datan samlades in med metoden {method}: köpt, utbytt och skrapad data är förbjuden."
#     meta_partner_data:
#       en: "The Meta customer file source is {value}: the list holds data provided by a partner, not only by the party."
#       sv: "Metas customer_file_source är {value}: listan innehåller data som en partner har levererat, inte bara partiet."
#     google_third_party:
#       en: "The Google data source type is {value}: only FIRST_PARTY data is allowed."
#       sv: "Googles data_source_type är {value}: bara förstapartsdata (FIRST_PARTY) är tillåten."
#     origin_unknown:
#       en: "The origin of the data is missing or unknown, so the source cannot be cleared of bought or third-party data."
#       sv: "Datans ursprung saknas eller är okänt, så det går inte att utesluta att källan innehåller köpt data eller data från tredje part."
#     method_unknown:
#       en: "The collection method is missing or unknown, so the source cannot be cleared of bought or scraped data."
#       sv: "Insamlingsmetoden saknas eller är okänd, så det går inte att utesluta att källan innehåller köpt eller skrapad data."
#     second_party_origin:
#       en: "The data was collected by another organisation (second_party): a reviewer must confirm it was neither bought nor exchanged."
#       sv: "Datan samlades in av en annan organisation (second_party): en granskare måste bekräfta att den varken har köpts eller bytts."
deny contains finding if {
	some finding in _reasons("DAT-008")
}

# METADATA
# title: Social-network data built with the network's own tools
# description: >-
#   Data used on Facebook, Instagram, YouTube or LinkedIn (platforms meta, google_ads, linkedin) must be
#   built with the network's own advertiser tools and follow its rules: not imported from a DMP, not a
#   scraped list of engagers.
# custom:
#   id: DAT-009
#   severity: block
#   title_sv: Data från sociala nätverk byggs med nätverkens egna verktyg
#   description_sv: >-
#     Data som används på Facebook, Instagram, Youtube eller Linkedin (plattformarna meta, google_ads och
#     linkedin) ska byggas med nätverkets egna annonsverktyg och följa dess regler: den får inte importeras
#     från en DMP eller vara en skrapad lista över personer som interagerat.
#   sources:
#     - seed: S14
#   effective_from: "2018-03-22"
#   remediation:
#     en: Rebuild the audience inside the platform's own audience tools.
#     sv: Bygg om målgruppen i plattformens egna målgruppsverktyg.
#   messages:
#     not_platform_tool:
#       en: "The data on {platform} was not built with the platform's own advertiser tools."
#       sv: "Datan på {platform} har inte byggts med plattformens egna annonsverktyg."
#     platform_tool_unknown:
#       en: "Whether the data on {platform} was built with the platform's own advertiser tools is missing or unknown."
#       sv: "Det saknas uppgift om huruvida datan på {platform} har byggts med plattformens egna annonsverktyg."
#     platform_unknown:
#       en: "The source is bound to a platform that is not named, and is not stated to be built with the platform's own tools."
#       sv: "Källan är kopplad till en plattform som inte anges, och det anges inte att den har byggts med plattformens egna verktyg."
deny contains finding if {
	some finding in _reasons("DAT-009")
}

# METADATA
# title: No minors in data used for political ads
# description: >-
#   A source used for political advertising, or uploaded to an ad platform, must not contain people under
#   18. A source that possibly contains minors, or does not say, needs a review.
# custom:
#   id: DAT-010
#   severity: block
#   title_sv: Inga minderåriga i data som används för politisk reklam
#   description_sv: >-
#     En källa som används för politisk reklam, eller som laddas upp till en annonsplattform, får inte
#     innehålla personer under 18 år. En källa som kanske innehåller minderåriga, eller som inte anger det,
#     måste granskas.
#   sources:
#     - regulation: TTPA Art. 18(2)
#       note: Reg. (EU) 2024/900 bans targeting people known to be at least one year under the voting age.
#     - regulation: DSA Art. 28(2)
#       note: No profiling-based ads to minors on online platforms.
#     - regulation: GDPR Art. 8
#   effective_from: "2018-05-25"
#   verification: "TTPA Art. 18(2): the paragraph number is from memory [M], the substance from secondary sources [S]; DSA Art. 28(2) [S]."
#   remediation:
#     en: Filter the source by verified age, or do not use it for ads.
#     sv: Filtrera källan på verifierad ålder, eller använd den inte för annonser.
#   messages:
#     minors:
#       en: "The source contains minors and is used for political advertising."
#       sv: "Källan innehåller minderåriga och används för politisk reklam."
#     minor_age_known:
#       en: "The youngest person known to be in the source is {age}, and the source is used for political advertising."
#       sv: "Den yngsta person som källan veterligen innehåller är {age} år, och källan används för politisk reklam."
#     minors_possible:
#       en: "The source possibly contains minors and is used for political advertising."
#       sv: "Källan kan innehålla minderåriga och används för politisk reklam."
#     minors_unknown:
#       en: "Whether the source contains minors is missing or unknown, and it is used for political advertising."
#       sv: "Det saknas uppgift om huruvida källan innehåller minderåriga, och den används för politisk reklam."
#     purposes_unknown:
#       en: "The source contains or may contain minors and its purposes are missing, so it cannot be cleared of use for political advertising."
#       sv: "Källan innehåller eller kan innehålla minderåriga och dess ändamål saknas, så det går inte att utesluta att den används för politisk reklam."
deny contains finding if {
	some finding in _reasons("DAT-010")
}

# METADATA
# title: DPIA for special categories
# description: >-
#   A source holding special categories of personal data (the same categories as DAT-002) needs a
#   data-protection impact assessment, referenced in dpia_ref.
# custom:
#   id: DAT-011
#   severity: warn
#   title_sv: Konsekvensbedömning för känsliga personuppgifter
#   description_sv: >-
#     En källa som innehåller särskilda kategorier av personuppgifter (samma kategorier som i DAT-002) behöver
#     en konsekvensbedömning avseende dataskydd, med en hänvisning i dpia_ref.
#   sources:
#     - seed: S12
#     - regulation: GDPR Art. 35(3)(b)
#       note: An impact assessment is required for large-scale processing of special categories.
#   effective_from: "2018-05-25"
#   verification: "GDPR Art. 35(3)(b): the point letter is from memory [M] (regulation-and-platforms.md §3.1)."
#   remediation:
#     en: Carry out a data-protection impact assessment and reference it in dpia_ref.
#     sv: Gör en konsekvensbedömning avseende dataskydd och hänvisa till den i dpia_ref.
#   messages:
#     dpia_missing:
#       en: "The source holds special categories of personal data ({categories}) and references no impact assessment."
#       sv: "Källan innehåller särskilda kategorier av personuppgifter ({categories}) och hänvisar inte till någon konsekvensbedömning."
#     special_categories_unknown:
#       en: "The source references no impact assessment and cannot be cleared of special categories: {fields} missing or unknown."
#       sv: "Källan hänvisar inte till någon konsekvensbedömning och det går inte att utesluta särskilda kategorier av personuppgifter: {fields} saknas eller är okänt."
warn contains finding if {
	some finding in _warn_reasons("DAT-011")
}

# METADATA
# title: Records of processing and retention
# description: >-
#   Every source must be in the record of processing activities (ropa_ref) and have a retention period in
#   days (retention_days), so the party can show what it processes and for how long.
# custom:
#   id: DAT-012
#   severity: warn
#   title_sv: Registerförteckning och lagringstid
#   description_sv: >-
#     Varje källa ska finnas i registerförteckningen (ropa_ref) och ha en lagringstid i dagar (retention_days),
#     så att partiet kan visa vad det behandlar och hur länge.
#   sources:
#     - seed: S12
#     - regulation: GDPR Art. 30
#     - regulation: GDPR Art. 5(1)(e)
#     - regulation: GDPR Art. 5(2)
#   effective_from: "2018-05-25"
#   verification: "GDPR Art. 30: from memory [M] (regulation-and-platforms.md §3.1); Art. 5(2) is verified [V]."
#   remediation:
#     en: Complete the record of processing for the source and set its retention period.
#     sv: Komplettera registerförteckningen för källan och ange dess lagringstid.
#   messages:
#     ropa_missing:
#       en: "The source references no entry in the record of processing activities."
#       sv: "Källan hänvisar inte till någon post i registerförteckningen."
#     retention_missing:
#       en: "The source has no retention period."
#       sv: "Källan saknar lagringstid."
warn contains finding if {
	some finding in _warn_reasons("DAT-012")
}

# METADATA
# title: TTPA explicit, separate consent
# description: >-
#   Personal data used to target political ads needs the data subject's explicit consent, given separately
#   for political advertising: legal_basis.consent.explicit and .separate_for_political_advertising must both
#   be true; false fails, missing or "unknown" needs a human check. It applies to a source declared for
#   political advertising (purposes), or reached by a political audience or ad (input.dependents).
#   A source reached only by documents whose political status is unknown needs one human check, and only
#   when its consent would not pass. Only personal data is in scope: an aggregate or anonymous source is not,
#   unless it is bound to an ad platform (a list, a pixel, engagement, a seed, the platform's taxonomy), which
#   delivers the ads to individuals. Decision: the catalog asks whether the source reaches a political ad;
#   a vendor's aggregate that no platform matches to people is not targeting with personal data.
# custom:
#   id: DAT-013
#   severity: block
#   title_sv: TTPA uttryckligt, separat samtycke
#   description_sv: >-
#     Personuppgifter som används för att rikta politiska annonser kräver den registrerades uttryckliga
#     samtycke, lämnat separat för politisk reklam: legal_basis.consent.explicit och
#     .separate_for_political_advertising måste båda vara true; false underkänns, saknas värdet eller är det
#     "unknown" krävs en manuell kontroll. Regeln gäller en källa som är avsedd för politisk reklam
#     (purposes), eller som nås av en politisk målgrupp eller annons (input.dependents). En källa
#     som bara nås av dokument där det är okänt om de är politiska kräver en manuell kontroll, och bara när
#     dess samtycke inte skulle räcka. Bara personuppgifter omfattas: en aggregerad eller anonym källa gör det
#     inte, om den inte är kopplad till en annonsplattform (en lista, en pixel, engagemang, ett urval för
#     lookalikes, plattformens egen taxonomi), som levererar annonserna till enskilda personer. Beslut:
#     katalogen frågar om källan når en politisk annons; en leverantörs aggregat som ingen plattform matchar
#     mot personer är ingen målgruppsinriktning med personuppgifter.
#   sources:
#     - regulation: TTPA Art. 18(1)(b)
#       note: "Targeting and ad-delivery techniques involving personal data are allowed only where the data subject has given explicit consent, separately for the purpose of political advertising (Reg. (EU) 2024/900)."
#   verification: "TTPA Art. 18: the substance is from secondary sources [S]; the wording and point letters are from memory [M]."
#   remediation:
#     en: Collect a separate, explicit opt-in for political advertising, with an easy withdrawal, and record it in legal_basis.consent.
#     sv: Samla in ett separat, uttryckligt samtycke till politisk reklam, med enkel återkallelse, och registrera det i legal_basis.consent.
#   messages:
#     explicit_fail:
#       en: "The consent relied on is not explicit (legal_basis.consent.explicit is false)."
#       sv: "Samtycket som åberopas är inte uttryckligt (legal_basis.consent.explicit är false)."
#     explicit_needs_review:
#       en: "The source does not say whether the consent is explicit (legal_basis.consent.explicit)."
#       sv: "Källan anger inte om samtycket är uttryckligt (legal_basis.consent.explicit)."
#     separate_for_political_advertising_fail:
#       en: "The consent was not given separately for political advertising (legal_basis.consent.separate_for_political_advertising is false)."
#       sv: "Samtycket lämnades inte separat för politisk reklam (legal_basis.consent.separate_for_political_advertising är false)."
#     separate_for_political_advertising_needs_review:
#       en: "The source does not say whether the consent was given separately for political advertising (legal_basis.consent.separate_for_political_advertising)."
#       sv: "Källan anger inte om samtycket lämnades separat för politisk reklam (legal_basis.consent.separate_for_political_advertising)."
#     dependents_unknown:
#       en: "The source is not declared for political advertising, but {dependents} reach it without saying whether they are political, and its consent would not pass."
#       sv: "Källan är inte avsedd för politisk reklam, men {dependents} når den utan att ange om de är politiska, och dess samtycke skulle inte räcka."
#   effective_from: "2025-10-10"
deny contains finding if {
	some finding in ttpa.dat013(input.document, _dependents)
}

# METADATA
# title: TTPA data collected by the party from the data subject
# description: >-
#   Personal data used to target political ads must have been collected by the party itself from the person
#   it is about: collection.collected_by must be "party" and collected_from_data_subject true. A vendor as
#   collector, or data not collected from the person, fails; an unknown collector or an unknown origin
#   needs a human check. Platform-native data (the platform's interests) is collected by the platform: it
#   needs a human check unless counsel's interpretation ttpa_18_1_a_platform_native_interests is
#   allowed_with_memo. The scope is DAT-013's.
# custom:
#   id: DAT-014
#   severity: block
#   title_sv: TTPA uppgifter som partiet har samlat in från den registrerade
#   description_sv: >-
#     Personuppgifter som används för att rikta politiska annonser måste ha samlats in av partiet självt från
#     den person uppgifterna gäller: collection.collected_by måste vara "party" och
#     collected_from_data_subject true. En leverantör som insamlare, eller uppgifter som inte har samlats in
#     från personen, underkänns; en okänd insamlare eller ett okänt ursprung kräver en manuell kontroll.
#     Plattformsegna uppgifter (plattformens intressen) samlas in av plattformen: de kräver en manuell
#     kontroll om inte juristernas tolkning ttpa_18_1_a_platform_native_interests är allowed_with_memo.
#     Omfattningen är densamma som för DAT-013.
#   sources:
#     - regulation: TTPA Art. 18(1)(a)
#       note: "Targeting and ad-delivery techniques involving personal data are allowed only where the controller collected the personal data from the data subject (Reg. (EU) 2024/900)."
#     - seed: S15
#   verification: "TTPA Art. 18: the substance is from secondary sources [S]; the wording and point letters are from memory [M]. Whether platform-native interests satisfy Art. 18(1)(a) is an open question [U]."
#   remediation:
#     en: Use only data the party collected itself from the people concerned, with their opt-in; drop bought, vendor-collected or platform-inferred data from political targeting.
#     sv: Använd bara uppgifter som partiet självt har samlat in från de berörda personerna, med deras samtycke; använd inte köpta, leverantörsinsamlade eller plattformshärledda uppgifter för politisk målgruppsinriktning.
#   messages:
#     collected_by_other:
#       en: "The data was collected by {collector}, not by the party."
#       sv: "Uppgifterna samlades in av {collector}, inte av partiet."
#     not_from_subject:
#       en: "The data was not collected from the people it is about (collection.collected_from_data_subject is false)."
#       sv: "Uppgifterna samlades inte in från de personer de gäller (collection.collected_from_data_subject är false)."
#     collector_unknown:
#       en: "The source does not say who collected the data (collection.collected_by)."
#       sv: "Källan anger inte vem som samlade in uppgifterna (collection.collected_by)."
#     subject_unknown:
#       en: "The source does not say whether the data was collected from the people it is about (collection.collected_from_data_subject)."
#       sv: "Källan anger inte om uppgifterna samlades in från de personer de gäller (collection.collected_from_data_subject)."
#     platform_native:
#       en: "The data is the platform's own (origin platform_native), collected by the platform rather than the party; counsel has not decided that Art. 18(1)(a) allows it."
#       sv: "Uppgifterna är plattformens egna (origin platform_native), insamlade av plattformen och inte av partiet; juristerna har inte beslutat att art. 18.1 a tillåter dem."
#     dependents_unknown:
#       en: "The source is not declared for political advertising, but {dependents} reach it without saying whether they are political, and its collection would not pass."
#       sv: "Källan är inte avsedd för politisk reklam, men {dependents} når den utan att ange om de är politiska, och dess insamling skulle inte räcka."
#   effective_from: "2025-10-10"
deny contains finding if {
	some finding in ttpa.dat014(input.document, _dependents)
}

# The documents that reach this source through references (the engine's input.dependents; absent: none).
_dependents := ttpa.dependents_of(input)

# The reasons for the judged source, computed once; each METADATA block above annotates the rule that emits
# its own id.
_related := object.get(input, "related", {})

_block := data_sources.judged_block_reasons(input)

_warn := data_sources.warn_reasons(input.document, _related)

_reasons(rule_id) := {r |
	some r in _block
	r.rule == rule_id
}

_warn_reasons(rule_id) := {r |
	some r in _warn
	r.rule == rule_id
}
