//! Answers in the form the public services document, for the local
//! server. `{BASE}` becomes the server's address. The figures are made up
//! for a gemeente Goirle of three buurten; the shapes of the answers are
//! the documented ones (the sources are named above each answer).

// CBS open data, OData v3 in JSON light: every answer an object with
// `odata.metadata` and a `value` array; a long collection ends a page with
// `odata.nextLink`. Sources: the CBS manual "Handleiding CBS Open Data
// Services" (https://www.cbs.nl/-/media/statline/documenten/handleiding-cbs-opendata-services.pdf),
// the OData v3 JSON light format, "Representing Collections of Entities"
// (https://www.odata.org/documentation/odata-version-3-0/json-light-format/),
// and the paging loop of the `cbsodata` client
// (https://github.com/J535D165/CBSOData/blob/master/cbsodata/cbsodata.py).

// GET {table}/TableInfos: the table's title, period and modification date.
pub const TABLE_INFOS: &str = r#"{
 "odata.metadata": "{BASE}/odata/85318NED/$metadata#Cbs.OData.WebAPI.TableInfos",
 "value": [
  {
   "ID": 0,
   "Title": "Kerncijfers wijken en buurten 2022",
   "ShortTitle": "Kerncijfers wijken en buurten 2022",
   "Identifier": "85318NED",
   "Summary": "Kerncijfers wijken en buurten 2022",
   "Modified": "2023-11-30T02:00:00",
   "ReasonDelivery": "Actualisering",
   "ExplanatoryText": "",
   "OutputStatus": "Regulier",
   "Source": "CBS.",
   "Language": "nl",
   "Catalog": "CBS",
   "Frequency": "Eenmalig",
   "Period": "2022",
   "ShortDescription": "",
   "Description": "",
   "DefaultPresentation": "",
   "DefaultSelection": "",
   "GraphTypes": "Table,Bar,Map",
   "RecordCount": 17400,
   "ColumnCount": 120,
   "SearchPriority": "2"
  }
 ]
}"#;
// GET {table}/DataProperties: one entry per dimension, topic group and topic;
// `Key` is the column key in TypedDataSet, `ParentID` the topic group.
pub const DATA_PROPERTIES: &str = r#"{
 "odata.metadata": "{BASE}/odata/85318NED/$metadata#Cbs.OData.WebAPI.DataProperties",
 "value": [
  {
   "ID": 0,
   "Position": "0",
   "ParentID": null,
   "Type": "GeoDimension",
   "Key": "WijkenEnBuurten",
   "Title": "Wijken en buurten",
   "Description": "Gemeenten, wijken en buurten volgens de indeling van 1 januari 2022.",
   "MapYear": "2022",
   "ReleasePolicy": false,
   "odata.type": "Cbs.OData.GeoDimension"
  },
  {
   "ID": 1,
   "Position": "1",
   "ParentID": null,
   "Type": "TopicGroup",
   "Key": "Regioaanduiding",
   "Title": "Regioaanduiding",
   "Description": null,
   "odata.type": "Cbs.OData.TopicGroup"
  },
  {
   "ID": 2,
   "Position": "2",
   "ParentID": 1,
   "Type": "Topic",
   "Key": "Gemeentenaam_1",
   "Title": "Gemeentenaam",
   "Description": "Naam van de gemeente.",
   "Datatype": "String",
   "Unit": "naam",
   "Decimals": 0,
   "Default": "None",
   "odata.type": "Cbs.OData.Topic"
  },
  {
   "ID": 3,
   "Position": "3",
   "ParentID": 1,
   "Type": "Topic",
   "Key": "SoortRegio_2",
   "Title": "Soort regio",
   "Description": "Gemeente, wijk of buurt.",
   "Datatype": "String",
   "Unit": "omschrijving",
   "Decimals": 0,
   "Default": "None",
   "odata.type": "Cbs.OData.Topic"
  },
  {
   "ID": 4,
   "Position": "4",
   "ParentID": 1,
   "Type": "Topic",
   "Key": "Codering_3",
   "Title": "Codering",
   "Description": "Code van de regio.",
   "Datatype": "String",
   "Unit": "code",
   "Decimals": 0,
   "Default": "None",
   "odata.type": "Cbs.OData.Topic"
  },
  {
   "ID": 5,
   "Position": "5",
   "ParentID": 1,
   "Type": "Topic",
   "Key": "IndelingswijzigingWijkenEnBuurten_4",
   "Title": "Indelingswijziging wijken en buurten",
   "Description": "1 = gelijk aan vorig jaar.",
   "Datatype": "String",
   "Unit": "code",
   "Decimals": 0,
   "Default": "None",
   "odata.type": "Cbs.OData.Topic"
  },
  {
   "ID": 6,
   "Position": "6",
   "ParentID": null,
   "Type": "TopicGroup",
   "Key": "Bevolking",
   "Title": "Bevolking",
   "Description": null,
   "odata.type": "Cbs.OData.TopicGroup"
  },
  {
   "ID": 7,
   "Position": "7",
   "ParentID": 6,
   "Type": "Topic",
   "Key": "AantalInwoners_5",
   "Title": "Aantal inwoners",
   "Description": "Het aantal inwoners op 1 januari.",
   "Datatype": "Long",
   "Unit": "aantal",
   "Decimals": 0,
   "Default": "Impossible",
   "odata.type": "Cbs.OData.Topic"
  },
  {
   "ID": 8,
   "Position": "8",
   "ParentID": 6,
   "Type": "TopicGroup",
   "Key": "Leeftijdsgroepen",
   "Title": "Leeftijdsgroepen",
   "Description": null,
   "odata.type": "Cbs.OData.TopicGroup"
  },
  {
   "ID": 9,
   "Position": "9",
   "ParentID": 8,
   "Type": "Topic",
   "Key": "k_0Tot15Jaar_8",
   "Title": "0 tot 15 jaar",
   "Description": "Personen van 0 tot 15 jaar.",
   "Datatype": "Long",
   "Unit": "aantal",
   "Decimals": 0,
   "Default": "Impossible",
   "odata.type": "Cbs.OData.Topic"
  },
  {
   "ID": 10,
   "Position": "10",
   "ParentID": 6,
   "Type": "TopicGroup",
   "Key": "BurgerlijkeStaat",
   "Title": "Burgerlijke staat",
   "Description": null,
   "odata.type": "Cbs.OData.TopicGroup"
  },
  {
   "ID": 11,
   "Position": "11",
   "ParentID": 10,
   "Type": "Topic",
   "Key": "Gescheiden_15",
   "Title": "Gescheiden",
   "Description": "Gescheiden personen.",
   "Datatype": "Long",
   "Unit": "aantal",
   "Decimals": 0,
   "Default": "Impossible",
   "odata.type": "Cbs.OData.Topic"
  },
  {
   "ID": 12,
   "Position": "12",
   "ParentID": null,
   "Type": "TopicGroup",
   "Key": "Huishoudens",
   "Title": "Huishoudens",
   "Description": null,
   "odata.type": "Cbs.OData.TopicGroup"
  },
  {
   "ID": 13,
   "Position": "13",
   "ParentID": 12,
   "Type": "Topic",
   "Key": "HuishoudensTotaal_28",
   "Title": "Huishoudens totaal",
   "Description": "Particuliere huishoudens.",
   "Datatype": "Long",
   "Unit": "aantal",
   "Decimals": 0,
   "Default": "Impossible",
   "odata.type": "Cbs.OData.Topic"
  },
  {
   "ID": 14,
   "Position": "14",
   "ParentID": null,
   "Type": "TopicGroup",
   "Key": "Wonen",
   "Title": "Wonen",
   "Description": null,
   "odata.type": "Cbs.OData.TopicGroup"
  },
  {
   "ID": 15,
   "Position": "15",
   "ParentID": 14,
   "Type": "Topic",
   "Key": "GemiddeldeWOZWaardeVanWoningen_35",
   "Title": "Gemiddelde WOZ-waarde van woningen",
   "Description": "Gemiddelde WOZ-waarde.",
   "Datatype": "Double",
   "Unit": "1 000 euro",
   "Decimals": 0,
   "Default": "Impossible",
   "odata.type": "Cbs.OData.Topic"
  },
  {
   "ID": 16,
   "Position": "16",
   "ParentID": 14,
   "Type": "TopicGroup",
   "Key": "Eigendom",
   "Title": "Eigendom",
   "Description": null,
   "odata.type": "Cbs.OData.TopicGroup"
  },
  {
   "ID": 17,
   "Position": "17",
   "ParentID": 16,
   "Type": "TopicGroup",
   "Key": "Huurwoningen",
   "Title": "Huurwoningen",
   "Description": null,
   "odata.type": "Cbs.OData.TopicGroup"
  },
  {
   "ID": 18,
   "Position": "18",
   "ParentID": 17,
   "Type": "Topic",
   "Key": "InBezitWoningcorporatie_42",
   "Title": "In bezit woningcorporatie",
   "Description": "Aandeel huurwoningen van corporaties.",
   "Datatype": "Double",
   "Unit": "%",
   "Decimals": 0,
   "Default": "Impossible",
   "odata.type": "Cbs.OData.Topic"
  },
  {
   "ID": 19,
   "Position": "19",
   "ParentID": null,
   "Type": "TopicGroup",
   "Key": "Inkomen",
   "Title": "Inkomen",
   "Description": null,
   "odata.type": "Cbs.OData.TopicGroup"
  },
  {
   "ID": 20,
   "Position": "20",
   "ParentID": 19,
   "Type": "TopicGroup",
   "Key": "InkomenVanHuishoudens",
   "Title": "Inkomen van huishoudens",
   "Description": null,
   "odata.type": "Cbs.OData.TopicGroup"
  },
  {
   "ID": 21,
   "Position": "21",
   "ParentID": 20,
   "Type": "Topic",
   "Key": "HuishoudensMetEenLaagInkomen_78",
   "Title": "Huishoudens met een laag inkomen",
   "Description": "Aandeel huishoudens met een laag inkomen.",
   "Datatype": "Double",
   "Unit": "%",
   "Decimals": 1,
   "Default": "Impossible",
   "odata.type": "Cbs.OData.Topic"
  },
  {
   "ID": 22,
   "Position": "22",
   "ParentID": 20,
   "Type": "Topic",
   "Key": "HuishOnderOfRondSociaalMinimum_79",
   "Title": "Huishoudens onder of rond sociaal minimum",
   "Description": "Aandeel huishoudens tot 110% van het sociaal minimum.",
   "Datatype": "Double",
   "Unit": "%",
   "Decimals": 1,
   "Default": "Impossible",
   "odata.type": "Cbs.OData.Topic"
  },
  {
   "ID": 23,
   "Position": "23",
   "ParentID": null,
   "Type": "TopicGroup",
   "Key": "SocialeZekerheid",
   "Title": "Sociale zekerheid",
   "Description": null,
   "odata.type": "Cbs.OData.TopicGroup"
  },
  {
   "ID": 24,
   "Position": "24",
   "ParentID": 23,
   "Type": "TopicGroup",
   "Key": "PersonenPerSoortUitkering",
   "Title": "Personen per soort uitkering",
   "Description": null,
   "odata.type": "Cbs.OData.TopicGroup"
  },
  {
   "ID": 25,
   "Position": "25",
   "ParentID": 24,
   "Type": "Topic",
   "Key": "PersonenPerSoortUitkeringBijstand_83",
   "Title": "Bijstand",
   "Description": "Personen met een bijstandsuitkering.",
   "Datatype": "Long",
   "Unit": "aantal",
   "Decimals": 0,
   "Default": "Impossible",
   "odata.type": "Cbs.OData.Topic"
  },
  {
   "ID": 26,
   "Position": "26",
   "ParentID": null,
   "Type": "TopicGroup",
   "Key": "Zorg",
   "Title": "Zorg",
   "Description": null,
   "odata.type": "Cbs.OData.TopicGroup"
  },
  {
   "ID": 27,
   "Position": "27",
   "ParentID": 26,
   "Type": "Topic",
   "Key": "PercentageJongerenMetJeugdzorg_88",
   "Title": "Jongeren met jeugdzorg in natura",
   "Description": "Aandeel jongeren tot 18 jaar met jeugdzorg in natura.",
   "Datatype": "Double",
   "Unit": "%",
   "Decimals": 1,
   "Default": "Impossible",
   "odata.type": "Cbs.OData.Topic"
  },
  {
   "ID": 28,
   "Position": "28",
   "ParentID": 26,
   "Type": "Topic",
   "Key": "WmoClientenRelatief_90",
   "Title": "Wmo-cliënten relatief",
   "Description": "Wmo-cliënten per 1 000 inwoners.",
   "Datatype": "Long",
   "Unit": "per 1 000 inwoners",
   "Decimals": 0,
   "Default": "Impossible",
   "odata.type": "Cbs.OData.Topic"
  }
 ]
}"#;
// GET {table}/WijkenEnBuurten?$filter=startswith(Key,'GM0785'): the
// region dimension; keys are padded to ten characters.
pub const GEMEENTE_GM0785: &str = r#"{
 "odata.metadata": "{BASE}/odata/85318NED/$metadata#Cbs.OData.WebAPI.WijkenEnBuurten",
 "value": [
  {
   "Key": "GM0785    ",
   "Title": "Goirle",
   "Description": null,
   "CategoryGroupID": null,
   "DetailRegionCode": "",
   "StatCode": "GM0785"
  }
 ]
}"#;
// GET {table}/WijkenEnBuurten?$filter=startswith(Key,'GM') (shortened).
pub const GEMEENTEN: &str = r#"{
 "odata.metadata": "{BASE}/odata/85318NED/$metadata#Cbs.OData.WebAPI.WijkenEnBuurten",
 "value": [
  {
   "Key": "GM0784    ",
   "Title": "Gilze en Rijen",
   "Description": null,
   "CategoryGroupID": null,
   "DetailRegionCode": "",
   "StatCode": "GM0784"
  },
  {
   "Key": "GM0785    ",
   "Title": "Goirle",
   "Description": null,
   "CategoryGroupID": null,
   "DetailRegionCode": "",
   "StatCode": "GM0785"
  },
  {
   "Key": "GM0855    ",
   "Title": "Tilburg",
   "Description": null,
   "CategoryGroupID": null,
   "DetailRegionCode": "",
   "StatCode": "GM0855"
  }
 ]
}"#;
// GET {table}/WijkenEnBuurten?$filter=startswith(Key,'GM0785') or ...: names.
pub const REGIONS: &str = r#"{
 "odata.metadata": "{BASE}/odata/85318NED/$metadata#Cbs.OData.WebAPI.WijkenEnBuurten",
 "value": [
  {
   "Key": "GM0785    ",
   "Title": "Goirle",
   "Description": null,
   "CategoryGroupID": null,
   "DetailRegionCode": "",
   "StatCode": "GM0785"
  },
  {
   "Key": "WK078501  ",
   "Title": "Goirle-Centrum",
   "Description": null,
   "CategoryGroupID": null,
   "DetailRegionCode": "",
   "StatCode": "WK078501"
  },
  {
   "Key": "WK078502  ",
   "Title": "Riel",
   "Description": null,
   "CategoryGroupID": null,
   "DetailRegionCode": "",
   "StatCode": "WK078502"
  },
  {
   "Key": "BU07850101",
   "Title": "Centrum",
   "Description": null,
   "CategoryGroupID": null,
   "DetailRegionCode": "",
   "StatCode": "BU07850101"
  },
  {
   "Key": "BU07850102",
   "Title": "Oost",
   "Description": null,
   "CategoryGroupID": null,
   "DetailRegionCode": "",
   "StatCode": "BU07850102"
  },
  {
   "Key": "BU07850201",
   "Title": "Riel-Dorp",
   "Description": null,
   "CategoryGroupID": null,
   "DetailRegionCode": "",
   "StatCode": "BU07850201"
  }
 ]
}"#;
// GET {table}/TypedDataSet?$filter=...: first page, with odata.nextLink;
// `null` is a figure CBS does not give (secret or unknown).
pub const TYPED_PAGE_1: &str = r#"{
 "odata.metadata": "{BASE}/odata/85318NED/$metadata#Cbs.OData.WebAPI.TypedDataSet",
 "value": [
  {
   "ID": 0,
   "WijkenEnBuurten": "GM0785    ",
   "Gemeentenaam_1": "Goirle                                  ",
   "SoortRegio_2": "Gemeente  ",
   "Codering_3": "GM0785    ",
   "IndelingswijzigingWijkenEnBuurten_4": "1",
   "AantalInwoners_5": 23935,
   "k_0Tot15Jaar_8": 4010,
   "Gescheiden_15": 1520,
   "HuishoudensTotaal_28": 10105,
   "GemiddeldeWOZWaardeVanWoningen_35": 389.0,
   "InBezitWoningcorporatie_42": 21.0,
   "HuishoudensMetEenLaagInkomen_78": 6.1,
   "HuishOnderOfRondSociaalMinimum_79": 5.2,
   "PersonenPerSoortUitkeringBijstand_83": 245,
   "PercentageJongerenMetJeugdzorg_88": 10.4,
   "WmoClientenRelatief_90": 61
  },
  {
   "ID": 1,
   "WijkenEnBuurten": "WK078501  ",
   "Gemeentenaam_1": "Goirle                                  ",
   "SoortRegio_2": "Wijk      ",
   "Codering_3": "WK078501  ",
   "IndelingswijzigingWijkenEnBuurten_4": "1",
   "AantalInwoners_5": 12650,
   "k_0Tot15Jaar_8": 2005,
   "Gescheiden_15": 905,
   "HuishoudensTotaal_28": 5680,
   "GemiddeldeWOZWaardeVanWoningen_35": 352.0,
   "InBezitWoningcorporatie_42": 29.0,
   "HuishoudensMetEenLaagInkomen_78": 8.0,
   "HuishOnderOfRondSociaalMinimum_79": 7.1,
   "PersonenPerSoortUitkeringBijstand_83": 160,
   "PercentageJongerenMetJeugdzorg_88": 12.0,
   "WmoClientenRelatief_90": 70
  },
  {
   "ID": 2,
   "WijkenEnBuurten": "WK078502  ",
   "Gemeentenaam_1": "Goirle                                  ",
   "SoortRegio_2": "Wijk      ",
   "Codering_3": "WK078502  ",
   "IndelingswijzigingWijkenEnBuurten_4": "1",
   "AantalInwoners_5": 11285,
   "k_0Tot15Jaar_8": 2005,
   "Gescheiden_15": 615,
   "HuishoudensTotaal_28": 4425,
   "GemiddeldeWOZWaardeVanWoningen_35": 430.0,
   "InBezitWoningcorporatie_42": 12.0,
   "HuishoudensMetEenLaagInkomen_78": 4.0,
   "HuishOnderOfRondSociaalMinimum_79": 3.3,
   "PersonenPerSoortUitkeringBijstand_83": 85,
   "PercentageJongerenMetJeugdzorg_88": 8.8,
   "WmoClientenRelatief_90": 51
  }
 ],
 "odata.nextLink": "{BASE}/odata/85318NED/TypedDataSet?$filter=startswith%28WijkenEnBuurten%2C%27GM0785%27%29%20or%20startswith%28WijkenEnBuurten%2C%27WK0785%27%29%20or%20startswith%28WijkenEnBuurten%2C%27BU0785%27%29&$skip=3"
}"#;
// The page odata.nextLink points to: the last one, without a nextLink.
pub const TYPED_PAGE_2: &str = r#"{
 "odata.metadata": "{BASE}/odata/85318NED/$metadata#Cbs.OData.WebAPI.TypedDataSet",
 "value": [
  {
   "ID": 3,
   "WijkenEnBuurten": "BU07850101",
   "Gemeentenaam_1": "Goirle                                  ",
   "SoortRegio_2": "Buurt     ",
   "Codering_3": "BU07850101",
   "IndelingswijzigingWijkenEnBuurten_4": "1",
   "AantalInwoners_5": 4530,
   "k_0Tot15Jaar_8": 640,
   "Gescheiden_15": 410,
   "HuishoudensTotaal_28": 2310,
   "GemiddeldeWOZWaardeVanWoningen_35": 318.0,
   "InBezitWoningcorporatie_42": 38.0,
   "HuishoudensMetEenLaagInkomen_78": 10.9,
   "HuishOnderOfRondSociaalMinimum_79": 9.8,
   "PersonenPerSoortUitkeringBijstand_83": 95,
   "PercentageJongerenMetJeugdzorg_88": 14.1,
   "WmoClientenRelatief_90": 84
  },
  {
   "ID": 4,
   "WijkenEnBuurten": "BU07850102",
   "Gemeentenaam_1": "Goirle                                  ",
   "SoortRegio_2": "Buurt     ",
   "Codering_3": "BU07850102",
   "IndelingswijzigingWijkenEnBuurten_4": "1",
   "AantalInwoners_5": 3120,
   "k_0Tot15Jaar_8": 565,
   "Gescheiden_15": 180,
   "HuishoudensTotaal_28": 1290,
   "GemiddeldeWOZWaardeVanWoningen_35": 401.0,
   "InBezitWoningcorporatie_42": 17.0,
   "HuishoudensMetEenLaagInkomen_78": 5.0,
   "HuishOnderOfRondSociaalMinimum_79": 4.1,
   "PersonenPerSoortUitkeringBijstand_83": 30,
   "PercentageJongerenMetJeugdzorg_88": null,
   "WmoClientenRelatief_90": 55
  },
  {
   "ID": 5,
   "WijkenEnBuurten": "BU07850201",
   "Gemeentenaam_1": "Goirle                                  ",
   "SoortRegio_2": "Buurt     ",
   "Codering_3": "BU07850201",
   "IndelingswijzigingWijkenEnBuurten_4": "1",
   "AantalInwoners_5": 2460,
   "k_0Tot15Jaar_8": 470,
   "Gescheiden_15": 120,
   "HuishoudensTotaal_28": 990,
   "GemiddeldeWOZWaardeVanWoningen_35": 462.0,
   "InBezitWoningcorporatie_42": 8.0,
   "HuishoudensMetEenLaagInkomen_78": 3.1,
   "HuishOnderOfRondSociaalMinimum_79": 2.7,
   "PersonenPerSoortUitkeringBijstand_83": null,
   "PercentageJongerenMetJeugdzorg_88": 7.2,
   "WmoClientenRelatief_90": 44
  }
 ]
}"#;

// PDOK OGC API Features, CBS wijken en buurten, collection `buurten`:
// GeoJSON FeatureCollection with `links` (rel self/next/prev), `timeStamp`
// and `numberReturned`; paging through the `next` link (a cursor), page
// size by `limit`; coordinates in CRS84 unless `crs` asks otherwise.
// Sources: OGC API - Features - Part 1: Core, 7.15.2-7.15.8 and the
// example in 7.15.2 (https://docs.ogc.org/is/17-069r4/17-069r4.html#_response_6),
// PDOK's service https://api.pdok.nl/cbs/wijken-en-buurten-2022/ogc/v1
// (https://www.pdok.nl/ogc-apis/-/article/cbs-wijken-en-buurten) and the
// property names of the Wijk- en buurtkaart (buurtcode, buurtnaam,
// wijkcode, gemeentecode, gemeentenaam, water).
// GET .../collections/buurten/items?f=json&gemeentecode=GM0785&limit=1000
pub const PDOK_PAGE_1: &str = r#"{
 "type": "FeatureCollection",
 "timeStamp": "2024-11-22T10:00:00Z",
 "links": [
  {
   "rel": "self",
   "type": "application/geo+json",
   "title": "This document as GeoJSON",
   "href": "{BASE}/pdok/ogc/v1/collections/buurten/items?f=json&gemeentecode=GM0785&limit=1000"
  },
  {
   "rel": "next",
   "type": "application/geo+json",
   "title": "Next page",
   "href": "{BASE}/pdok/ogc/v1/collections/buurten/items?f=json&gemeentecode=GM0785&limit=1000&cursor=Dv4%7CNrBx"
  }
 ],
 "numberReturned": 2,
 "features": [
  {
   "type": "Feature",
   "id": 1,
   "geometry": {
    "type": "Polygon",
    "coordinates": [
     [
      [
       5.05,
       51.51
      ],
      [
       5.06,
       51.51
      ],
      [
       5.06,
       51.52
      ],
      [
       5.05,
       51.52
      ],
      [
       5.05,
       51.51
      ]
     ]
    ]
   },
   "properties": {
    "buurtcode": "BU07850101",
    "buurtnaam": "Centrum",
    "wijkcode": "WK078501",
    "gemeentecode": "GM0785",
    "gemeentenaam": "Goirle",
    "indelingswijziging_wijken_en_buurten": 1,
    "water": "NEE",
    "meest_voorkomende_postcode": "5051",
    "dekkingspercentage": 1,
    "aantal_inwoners": 4530
   }
  },
  {
   "type": "Feature",
   "id": 2,
   "geometry": {
    "type": "Polygon",
    "coordinates": [
     [
      [
       5.06,
       51.51
      ],
      [
       5.07,
       51.51
      ],
      [
       5.07,
       51.52
      ],
      [
       5.06,
       51.52
      ],
      [
       5.06,
       51.51
      ]
     ]
    ]
   },
   "properties": {
    "buurtcode": "BU07850102",
    "buurtnaam": "Oost",
    "wijkcode": "WK078501",
    "gemeentecode": "GM0785",
    "gemeentenaam": "Goirle",
    "indelingswijziging_wijken_en_buurten": 1,
    "water": "NEE",
    "meest_voorkomende_postcode": "5051",
    "dekkingspercentage": 1,
    "aantal_inwoners": 3120
   }
  }
 ]
}"#;
// The page the `next` link points to: the last one, without a `next`.
pub const PDOK_PAGE_2: &str = r#"{
 "type": "FeatureCollection",
 "timeStamp": "2024-11-22T10:00:01Z",
 "links": [
  {
   "rel": "self",
   "type": "application/geo+json",
   "title": "This document as GeoJSON",
   "href": "{BASE}/pdok/ogc/v1/collections/buurten/items?f=json&gemeentecode=GM0785&limit=1000&cursor=Dv4%7CNrBx"
  },
  {
   "rel": "prev",
   "type": "application/geo+json",
   "title": "Previous page",
   "href": "{BASE}/pdok/ogc/v1/collections/buurten/items?f=json&gemeentecode=GM0785&limit=1000"
  }
 ],
 "numberReturned": 1,
 "features": [
  {
   "type": "Feature",
   "id": 3,
   "geometry": {
    "type": "Polygon",
    "coordinates": [
     [
      [
       5.05,
       51.5
      ],
      [
       5.07,
       51.5
      ],
      [
       5.07,
       51.51
      ],
      [
       5.05,
       51.51
      ],
      [
       5.05,
       51.5
      ]
     ]
    ]
   },
   "properties": {
    "buurtcode": "BU07850201",
    "buurtnaam": "Riel-Dorp",
    "wijkcode": "WK078502",
    "gemeentecode": "GM0785",
    "gemeentenaam": "Goirle",
    "indelingswijziging_wijken_en_buurten": 1,
    "water": "NEE",
    "meest_voorkomende_postcode": "5051",
    "dekkingspercentage": 1,
    "aantal_inwoners": 2460
   }
  }
 ]
}"#;

/// The OData filter on the region key, percent-decoded as the server logs it.
pub const REGION_FILTER: &str = "startswith(WijkenEnBuurten,'GM0785') or startswith(WijkenEnBuurten,'WK0785') or startswith(WijkenEnBuurten,'BU0785')";
