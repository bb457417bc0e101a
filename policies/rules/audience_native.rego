# Audience rules on facts that the platforms record and a hand-written document may not: where an uploaded
# list came from, the consent signals sent with it, LinkedIn group membership. The tests live in
# ethiq.lib.native. The catalog's audience rules end at AUD-012 (AUD-013 is the lineage ban); these continue
# its numbering.
package ethiq.rules.audience

import data.ethiq.lib.native

_derived_native := object.get(input, ["derived", "native"], null)

# METADATA
# title: No third-party list behind a custom audience
# description: >-
#   The platform records whose data an uploaded list holds: Meta's customer_file_source (partner-provided is
#   third-party data) and PARTNER audiences, Google Ads' data_source_type (THIRD_PARTY_VOTER_FILE,
#   THIRD_PARTY_CREDIT_BUREAU, partner data). A list the platform records as third-party data is bought data
#   (DAT-008), whatever the party's data-source documents say its origin is; a lookalike inherits its seed's
#   source, and excluding people by such a list uses it too. Where the native JSON is read, a customer list
#   whose source it does not record, or a Meta custom audience or Google user list whose own object it does
#   not hold, cannot be cleared.
# custom:
#   id: AUD-014
#   severity: block
#   title_sv: Ingen lista med tredjepartsdata bakom en anpassad målgrupp
#   description_sv: >-
#     Plattformen registrerar vems data en uppladdad lista innehåller: Metas customer_file_source
#     (partnerlämnad data är tredjepartsdata) och PARTNER-målgrupper, Google Ads data_source_type
#     (THIRD_PARTY_VOTER_FILE, THIRD_PARTY_CREDIT_BUREAU, partnerdata). En lista som plattformen registrerar
#     som tredjepartsdata är köpt data (DAT-008), vad partiets dokument om datakällor än säger om dess
#     ursprung; en lookalike-målgrupp ärver sin källas ursprung, och att exkludera personer med en sådan lista
#     är också att använda den. När plattformens JSON läses går en kundlista vars ursprung den inte anger, eller
#     en anpassad målgrupp hos Meta eller användarlista hos Google vars eget objekt den inte innehåller, inte
#     att godkänna.
#   sources:
#     - seed: S15
#     - regulation: TTPA Art. 18(1)(a)
#       note: Reg. (EU) 2024/900 allows targeting for political advertising only with personal data the controller collected from the data subject.
#     - regulation: Meta Platform Terms
#       note: "You must not sell, license, or purchase any Platform Data."
#       url: https://developers.facebook.com/terms
#     - regulation: Google Ads UserList crm_based_user_list.data_source_type
#       note: FIRST_PARTY, THIRD_PARTY_CREDIT_BUREAU, THIRD_PARTY_VOTER_FILE.
#   verification: "TTPA Art. 18(1)(a): the substance is from secondary sources [S]; the wording is from memory [M]."
#   remediation:
#     en: Remove the audience and use only lists the party collected itself from the people on them.
#     sv: Ta bort målgruppen och använd bara listor som partiet självt har samlat in från personerna på dem.
#   messages:
#     third_party_list:
#       en: >-
#         The custom audience {audience} holds third-party data according to the platform ({source}): bought,
#         partner and voter-file data is banned (DAT-008), whatever the data-source documents say.
#       sv: >-
#         Den anpassade målgruppen {audience} innehåller enligt plattformen tredjepartsdata ({source}): köpt
#         data, partnerdata och data från röstlängder är förbjuden (DAT-008), vad dokumenten om datakällor än
#         säger.
#     list_source_unknown:
#       en: "The platform JSON does not record whose data the list {audience} holds (its object in native_objects, with Meta's customer_file_source or Google's data_source_type), so it cannot be cleared of third-party data."
#       sv: "Plattformens JSON anger inte vems data listan {audience} innehåller (dess objekt i native_objects, med Metas customer_file_source eller Googles data_source_type), så det går inte att utesluta att den innehåller tredjepartsdata."
#   non_waivable: false
#   effective_from: "2018-03-22"
deny contains finding if {
	some r in native.aud014(input.document, _derived_native)
	finding := _finding(r)
}

# METADATA
# title: Consent signals of an uploaded list
# description: >-
#   Google Ads Customer Match uploads carry the people's consent: ad_user_data (to send their data for
#   advertising) and ad_personalization. A list uploaded with either denied must not be used for targeting;
#   where one signal is stated without the other, or a Google customer list's native JSON gives none, the
#   consent cannot be shown.
# custom:
#   id: AUD-015
#   severity: block
#   title_sv: Samtyckessignaler för en uppladdad lista
#   description_sv: >-
#     Uppladdningar till Google Ads Customer Match anger personernas samtycke: ad_user_data (att deras data
#     skickas för annonsering) och ad_personalization. En lista som laddats upp med något av dem nekat får inte
#     användas för målgruppsstyrning; där den ena signalen anges utan den andra, eller en kundlista hos Google
#     vars JSON inte anger någon signal, går samtycket inte att visa.
#   sources:
#     - seed: S12
#     - regulation: GDPR Art. 6(1)(a)
#     - regulation: TTPA Art. 18(1)(b)
#       note: Reg. (EU) 2024/900 requires explicit consent given separately for political advertising.
#     - regulation: Google Ads Customer Match consent
#       note: A job with ad_user_data or ad_personalization DENIED fails with CUSTOMER_NOT_ACCEPTED_CUSTOMER_DATA_TERMS.
#       url: https://developers.google.com/google-ads/api/docs/remarketing/audience-segments/customer-match
#   verification: "TTPA Art. 18(1)(b): the substance is from secondary sources [S]; the wording is from memory [M]."
#   remediation:
#     en: Remove the people who did not consent from the list and upload it again with the signals set, or drop the list.
#     sv: Ta bort personerna som inte har samtyckt från listan och ladda upp den igen med signalerna angivna, eller ta bort listan.
#   messages:
#     consent_denied:
#       en: "The list {audience} was uploaded with {signal} denied: the people on it did not consent."
#       sv: "Listan {audience} laddades upp med {signal} nekat: personerna på den har inte samtyckt."
#     consent_unknown:
#       en: "The list {audience} gives no {signal} consent signal, so consent cannot be shown."
#       sv: "Listan {audience} anger ingen samtyckessignal {signal}, så samtycket går inte att visa."
#   non_waivable: false
#   effective_from: "2018-05-25"
deny contains finding if {
	some r in native.aud015(input.document, _derived_native)
	finding := _finding(r)
}

# METADATA
# title: No LinkedIn group membership in the EU
# description: >-
#   In 2024 LinkedIn stopped letting EU advertisers build audiences from group membership, which can reveal
#   religion, politics, union membership, health or sexual orientation. A LinkedIn audience that targets or
#   excludes groups and reaches an EU country breaks the platform's rules; one whose countries are not known
#   cannot be cleared.
# custom:
#   id: AUD-016
#   severity: block
#   title_sv: Inget gruppmedlemskap hos LinkedIn i EU
#   description_sv: >-
#     Under 2024 slutade LinkedIn låta annonsörer i EU bygga målgrupper av gruppmedlemskap, som kan avslöja
#     religion, politisk uppfattning, fackligt medlemskap, hälsa eller sexuell läggning. En målgrupp hos
#     LinkedIn som inkluderar eller exkluderar grupper och når ett EU-land bryter mot plattformens regler; en
#     vars länder inte är kända går inte att godkänna.
#   sources:
#     - seed: S14
#     - regulation: LinkedIn, end of Group-membership audiences in the EU (2024)
#       note: After a DSA complaint by EDRi, Bits of Freedom, Global Witness and GFF.
#       url: https://www.techzine.eu/news/privacy-compliance/120910/linkedin-restricts-organizations-from-showing-targeted-ads/
#     - regulation: GDPR Art. 9(1)
#   verification: "The year of LinkedIn's change is verified [V]; the month (June 2024) is from memory [M]."
#   remediation:
#     en: Remove the group facet from the targeting.
#     sv: Ta bort gruppfacetten från målgruppsstyrningen.
#   messages:
#     eu_group:
#       en: "The LinkedIn audience uses the group {criterion} and reaches the EU ({countries}): LinkedIn no longer allows group membership as targeting there."
#       sv: "Målgruppen hos LinkedIn använder gruppen {criterion} och når EU ({countries}): LinkedIn tillåter inte längre gruppmedlemskap som målgruppsstyrning där."
#     countries_unknown:
#       en: "The LinkedIn audience uses the group {criterion}, and neither its countries nor its elections' countries are known, so it cannot be cleared of reaching the EU."
#       sv: "Målgruppen hos LinkedIn använder gruppen {criterion}, och varken dess länder eller dess valens länder är kända, så det går inte att utesluta att den når EU."
#   non_waivable: false
#   effective_from: "2024-06-01"
deny contains finding if {
	some r in native.aud016(input.document)
	finding := _finding(r)
}
