package org.sahay.demo;

import java.util.List;

/**
 * Fictional names in the scripts the collectives read, made up for the demo: no real person's name,
 * number or story. Each collective's members are drawn from two of these lists in turn.
 */
final class DemoPeople {

  static final List<String> TELUGU =
      List.of(
          "లక్ష్మి కొండపల్లి",
          "సరోజ వేముల",
          "పద్మ గొల్లపూడి",
          "కవిత నల్లమల",
          "రాణి చిలుకూరి",
          "సుజాత పెదపాటి",
          "అనిత మేడిశెట్టి",
          "దుర్గ కొమ్మినేని",
          "వాణి తాడేపల్లి",
          "జ్యోతి బొడ్డపాటి",
          "సీత కంచర్ల",
          "రమ పాలడుగు");

  static final List<String> ENGLISH =
      List.of(
          "Asha Demoreddy",
          "Kamala Testrao",
          "Meena Fictional",
          "Sarada Sampleswari",
          "Radha Placeholder",
          "Latha Notreal",
          "Nirmala Invented",
          "Shanti Madeup",
          "Usha Examplepet",
          "Gowri Synthetic",
          "Padma Imagined",
          "Vimala Pretend");

  static final List<String> BENGALI =
      List.of(
          "মিনতি দাসপাল",
          "শ্যামলী কুণ্ডুবর",
          "রুমা মণ্ডলকর",
          "পূর্ণিমা হালদারি",
          "সবিতা বিশ্বাসপুর",
          "কাকলি সরকারনী",
          "দীপালি ঘোষালি",
          "মালতী প্রামাণিকা",
          "শিখা নস্করী",
          "রিনা বাগদিয়া",
          "অঞ্জনা পালচৌ",
          "তপতী রায়দাস");

  static final List<String> HINDI =
      List.of(
          "सुनीता कल्पित",
          "रेखा नमूनावाली",
          "ममता उदाहरणी",
          "पूजा काल्पनिक",
          "गीता परीक्षित",
          "सविता नकली",
          "कमला बनावटी",
          "आरती डेमोवाली",
          "नीलम सोचित",
          "शबनम कल्पना",
          "रीना प्रतिरूप",
          "ज्योति नमूनी");

  private DemoPeople() {}
}
