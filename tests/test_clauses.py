"""Clause records: prohibitions with categories, sanctions with severity,
obligations; lists governed by their lead-in (table-driven)."""
import pytest

from himpun.ingest.parse.clauses import page_clauses
from himpun.ingest.parse.rules import categories, sanctions
from himpun.ingest.parse.lexicon import normalise

SHA = "ab" * 32


def clauses(text):
    return [(c.kind, c.categories, [(s.type, s.severity) for s in c.sanctions]) for c in page_clauses(text, 1, SHA, 1)]


@pytest.mark.parametrize("text, expected", [
    ("ikut kampanye", ["campaign-participation"]),
    ("menjadi tim pemenangan pasangan calon", ["campaign-team"]),
    ("menggunakan atribut partai", ["campaign-attributes"]),
    ("mengerahkan PNS lain", ["mobilising-civil-servants"]),
    # a school's: its pupils brought to a campaign, its rooms and grounds used for a candidate
    ("mengarahkan atau membawa peserta didik untuk menghadiri kegiatan kampanye", ["mobilising-civil-servants"]),
    ("membawa siswa ke lokasi kampanye pasangan calon", ["mobilising-civil-servants"]),
    ("membawa atribut partai politik", ["campaign-attributes"]),
    ("menggunakan ruang kelas, aula, atau sarana sekolah lainnya untuk kegiatan pasangan calon", ["state-facilities"]),
    ("rapat koordinasi di ruang kelas", []),
    # social media by name
    ("mempromosikan pasangan calon di akun Facebook, TikTok, dan Instagram pribadi", ["social-media-campaigning"]),
    ("ASN berkampanye di Instagram", ["social-media-campaigning"]),
    # (an appeal to vote, "ajakan", is partisan-activities by the taxonomy, posted or not)
    ("ikut kampanye sebelum dan sesudah masa kampanye dan/atau memposting ajakan memilih calon di Facebook",
     ["campaign-participation", "partisan-activities", "social-media-engagement"]),
    ("menggunakan kendaraan dinas", ["state-facilities"]),
    ("membuat keputusan yang menguntungkan salah satu pasangan calon", ["favouring-decisions"]),
    ("memberikan surat dukungan disertai fotokopi KTP", ["support-letter"]),
    ("memasang baliho calon", ["campaign-materials"]),
    ("mempromosikan diri di media sosial", ["social-media-campaigning"]),
    ("memberikan like dan komentar", ["social-media-engagement"]),
    ("mengunggahnya ke Instagram", ["social-media-engagement"]),
    ("foto bersama bakal calon", ["photo-with-candidate"]),
    ("membuat simbol jari", ["gestures"]),
    ("sambil mengacungkan simbol dua jari", ["gestures"]),
    ("berpose salam dua jari", ["gestures"]),
    ("mengenakan kaus bergambar pasangan calon saat kampanye", ["campaign-attributes"]),
    ("memakai rompi bertuliskan nomor urut calon", ["campaign-attributes"]),
    ("mempromosikan pasangan calon dalam konten video pada akun TikTok pribadinya", ["social-media-campaigning"]),
    ("bikin konten / status WA dukung paslon", ["social-media-campaigning"]),
    ("mempromosikan pasangan calon lewat status atau unggahan di akun pribadinya", ["social-media-campaigning"]),
    ("ASN yang ikut-ikutan kampanye", ["campaign-participation"]),
    ("jadi admin grup Facebook yang isinya mempromosikan salah satu pasangan calon", ["social-media-campaigning"]),
    ("mengumpulkan bawahan atau pegawai lain untuk diarahkan memilih pasangan calon tertentu",
     ["mobilising-civil-servants"]),
    ("mengumpulkan data pegawai untuk laporan kinerja", []),
    ("Ngarahkan bawahan atau warga utk milih paslon tertentu", ["mobilising-civil-servants"]),
    ("membuat konten video yang mendukung netralitas ASN", []),
    ("menghadiri deklarasi calon", ["declaration-attendance"]),
    ("menjadi anggota partai politik", ["party-membership"]),
    ("melakukan pendekatan kepada partai politik", ["party-approach"]),
    ("menjadi narasumber pada kegiatan partai politik", ["party-event-speaker"]),
    ("mengikuti kampanye suami/istri calon", ["campaign-participation", "spouse-campaign"]),
    ("mencalonkan diri tanpa mengundurkan diri", ["candidacy"]),
    ("membedakan pelayanan kepada masyarakat", ["discriminatory-service"]),
    ("berpihak dan terlibat politik praktis", ["partisanship-general"]),
    # the general ban counts only when no specific act is named
    ("berpihak dengan memasang baliho calon", ["campaign-materials"]),
    ("postingan tim kampanye calon di media sosial", []),
    ("membagikan konten kampanye pasangan calon di media sosial", ["social-media-engagement"]),
    ("mempromosikan diri sendiri atau orang lain sebagai bakal calon melalui media sosial", ["social-media-campaigning"]),
    ("menunjukkan simbol tangan sebagai bentuk keberpihakan", ["gestures"]),
    # where something is done is not the use of a facility
    ("memasang alat peraga kampanye di kantor, rumah dinas, maupun kendaraan pribadi", ["campaign-materials"]),
    ("menggunakan kendaraan dinas, rumah dinas, dan fasilitas kantor", ["state-facilities"]),
    # a speaker at an event a party organises, and the party official who organises it (not a member's act)
    ("menjadi narasumber dalam kegiatan temu kader yang diselenggarakan oleh pengurus anak cabang sebuah partai "
     "politik", ["party-event-speaker"]),
    ("menyampaikan ajakan kepada peserta yang hadir untuk memilih calon tersebut", ["partisan-activities"]),
    # a civic appeal is no partisan one
    ("mengajak masyarakat untuk turut mengawasi dan melaporkan dugaan pelanggaran", []),
    ("mengajak masyarakat untuk mendukung pasangan calon nomor urut 2", ["partisan-activities"]),
    ("membuat konten yang mempromosikan calon di akun pribadinya", ["social-media-campaigning"]),
    # chat spellings (himpun/data/informal.tsv)
    ("jadi timses / tim pemenangan paslon", ["campaign-team"]),
    ("pasang baliho, spanduk, stiker paslon", ["campaign-materials"]),
    ("bagi2 sembako ke warga utk menangkan paslon", ["partisan-activities"]),
    ("bikin keputusan yg nguntungin atau ngerugiin paslon tertentu", ["favouring-decisions"]),
    ("foto bareng balon sambil pose jari", ["photo-with-candidate", "gestures"]),
    # "tidak netral" naming who is punished is no ban of its own; as the act forbidden, it is one
    ("setiap asn yang terbukti tidak netral dijatuhi hukuman disiplin", []),
    ("sanksi bagi pns yang tidak netral dalam pemilu", []),
    ("pns diberi hukuman disiplin berat apabila tidak netral", []),
    ("asn dilarang bersikap tidak netral", ["partisanship-general"]),
    # the spouse is the candidate ("pasangan calon" alone is the candidate pair)
    ("asn yang suami atau istrinya maju sebagai calon anggota legislatif ikut berkampanye",
     ["campaign-participation", "spouse-campaign"]),
    ("asn yang pasangannya menjadi calon kepala daerah dilarang ikut kampanye",
     ["campaign-participation", "spouse-campaign"]),
    ("asn dilarang mengikuti kampanye pasangan calon", ["campaign-participation"]),
    # what others are moved to do is theirs; the ASN's own attendance next to it is his
    ("mengerahkan pegawai lain di unit kerjanya untuk menghadiri kampanye pasangan calon",
     ["mobilising-civil-servants"]),
    ("mengerahkan massa agar ikut hadir dalam deklarasi calon", ["mobilising-civil-servants"]),
    ("menghadiri kampanye dan mengerahkan pegawai lain", ["campaign-participation", "mobilising-civil-servants"]),
    # ... and an act of the ASN's own beside it stays
    ("mengerahkan pegawai untuk menghadiri kampanye, serta ikut kampanye sendiri",
     ["campaign-participation", "mobilising-civil-servants"]),
    ("asn yang istrinya maju sebagai calon bupati mencalonkan diri tanpa mengundurkan diri",
     ["spouse-campaign", "candidacy"]),
    ("jangan foto bareng calon terus angkat jari satu dua", ["photo-with-candidate", "gestures"]),
    ("jangan arahkan warga atau ketua RT dan RW untuk memilih calon tertentu", ["mobilising-civil-servants"]),
    ("menyampaikan ajakan memilih pasangan calon nomor urut 2 saat pembagian beras", ["partisan-activities"]),
    ("berkata kepada warga jangan lupa 27 November pilih nomor 2", ["partisan-activities"]),
    ("imbauan agar menggunakan hak memilih di TPS", []),
    # (a list's next item is no purpose of the one before: "... di media sosial serta kehadiran pada kampanye")
    ("pemberian tanda suka dan komentar di media sosial serta kehadiran pada kampanye", ["social-media-engagement"]),
    ("pelayanan di puskesmas di kantor camat jangan dibeda-bedakan karena pilihan politik", ["discriminatory-service"]),
    # whom a civil servant directs: village and neighbourhood heads, cadres; a school's head, its teachers
    ("mengarahkan lurah, ketua RT, ketua RW atau warga untuk memilih pasangan calon tertentu",
     ["mobilising-civil-servants"]),
    ("seorang kepala sekolah yang mengarahkan para guru untuk memilih calon tertentu", ["mobilising-civil-servants"]),
    ("Camat agar mengarahkan para lurah untuk menjaga netralitas", []),  # (to instruct, not to mobilise)
    # an office's hall, a regency's boats
    ("mengizinkan aula kantor kelurahan dipakai untuk pertemuan tim kampanye", ["state-facilities"]),
    ("jangan pakai speedboat dinas atau longboat kantor kecamatan untuk antar calon", ["state-facilities"]),
    # a meeting or appeal that leans towards a candidate is a partisan activity, not partisanship in general
    ("mengadakan pertemuan atau menyampaikan ajakan kepada bawahan yang mengarah pada keberpihakan kepada pasangan calon",
     ["partisan-activities"]),
    # why they were punished, not a ban of its own
    ("Empat ASN Dijatuhi Hukuman Disiplin karena Tidak Netral di Pilkada", []),
    # following a campaign's account is engagement, not campaigning
    ("mengikuti akun kampanye pasangan calon di media sosial", ["social-media-engagement"]),
    # speaking at a campaign, leading its programme
    ("terbukti menyampaikan orasi dalam kegiatan kampanye terbuka", ["campaign-participation"]),
    ("bertindak sebagai pembawa acara kampanye tatap muka caleg", ["campaign-participation"]),
    ("menyampaikan orasi pada upacara hari jadi kabupaten", []),
    ("Sekda memberikan sambutan pada deklarasi kampanye damai", []),
    ("menjadi pembawa acara kampanye anti narkoba di sekolah", []),
    ("menjadi narasumber pada kegiatan kampanye caleg", ["campaign-participation"]),
    # a party-coloured shirt with the candidate's picture; goods that carry a candidate
    ("mengenakan kaos berwarna partai bergambar caleg dan nomor urutnya", ["campaign-attributes"]),
    ("membagikan kerudung bergambar caleg kepada ibu-ibu", ["partisan-activities"]),
    ("Membagikan bantuan atau sembako dengan label/stiker paslon kepada masyarakat", ["partisan-activities"]),
    ("membagikan bantuan sembako kepada warga terdampak banjir", []),
    # ("calon" as "prospective": a form for prospective recipients)
    ("menyerahkan bantuan sosial dengan logo Pemkab kepada calon penerima", []),
    ("membagikan formulir dengan label calon penerima PKH", []),
    # a sticker on an official motorbike: the material and the facility; a place where something is done is not
    ("Jangan tempel stiker paslon di motor dinas", ["state-facilities", "campaign-materials"]),
    ("menempel stiker pajak di motor dinas", []),
    ("memasang stiker kampanye anti narkoba di mobil dinas", []),
    ("Panwascam Tempel menemukan spanduk paslon di depan kantor desa", []),
    # posting an appeal to vote for someone is campaigning online, the upload part of it
    ("mengunggah di akun Instagram pribadinya konten ajakan memilih suaminya", ["social-media-campaigning"]),
    ("mengunggah foto kegiatan posyandu di akun Instagram pribadinya", ["social-media-engagement"]),
    # (an appeal to vote at all, not for someone, is no campaigning)
    ("KPU membuat video ajakan memilih agar partisipasi pemilih meningkat", []),
    # an appeal to vote for someone, however long the list of those it is made to; a caption's, not a banner's
    ("mengajak peserta didik yang sudah menjadi pemilih pemula, orang tua/wali murid atau anggota komite sekolah untuk "
     "memilih pasangan calon tertentu", ["partisan-activities"]),
    ("ASN dilarang memasang spanduk dengan tulisan \"Ayo pilih nomor 2\" di kantor desa", ["partisan-activities",
                                                                                         "campaign-materials"]),
    ("mengunggah foto dengan tulisan \"Ayo coblos nomor 2\" di status WhatsApp", ["social-media-campaigning",
                                                                          "social-media-engagement"]),
    ("KPU mengajak seluruh warga, pemuda dan pelajar untuk memilih calon pemimpin yang jujur di TPS", []),
    ("layani warga sama rata. Jangan bedakan pelayanan", ["discriminatory-service"]),
])
def test_categories(text, expected):
    assert categories(normalise(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("teguran lisan", [("verbal-reprimand", "ringan")]),
    ("diberikan surat peringatan", [("written-reprimand", "ringan")]),
    ("pemotongan tunjangan kinerja 25%", [("allowance-cut", "sedang")]),
    ("penundaan gaji berkala", [("salary-increase-postponed", "sedang")]),
    ("penurunan pangkat setingkat lebih rendah", [("rank-demotion", None)]),
    ("sanksi berat penurunan pangkat", [("rank-demotion", "berat")]),
    ("pemberhentian tidak dengan hormat (PTDH)", [("dismissal-dishonourable", "berat")]),
    ("pemberhentian dengan hormat tidak atas permintaan sendiri", [("dismissal-honourable", "berat")]),
    ("akan kami copot status ASN-nya", [("dismissal", "berat")]),
    ("hukuman disiplin sedang", [("disciplinary", "sedang")]),
    # a named form is the sanction; the generic mention goes
    ("hukuman disiplin berat berupa penurunan jabatan setingkat lebih rendah", [("position-demotion", "berat")]),
    # ... but a hukuman disiplin named after the forms is a sanction of its own
    ("selain pemberhentian tidak dengan hormat bagi anggota partai, asn yang melanggar larangan lain dapat dijatuhi "
     "hukuman disiplin", [("dismissal-dishonourable", "berat"), ("disciplinary", None)]),
    ("honorer yang terbukti kampanye, kontraknya kami putus", [("contract-termination", None)]),
    ("bagi PPNPN, pelanggaran netralitas berakibat diputusnya hubungan kerja", [("contract-termination", None)]),
    ("hukum disiplinnya adalah berat", [("disciplinary", "berat")]),
    ("sanksi moral berupa pernyataan secara terbuka", [("moral-sanction", None)]),
    ("pidana kurungan", [("criminal", None)]),
    ("Pelanggarnya dapat dipidana berdasarkan Pasal 188 UU No. 1 Tahun 2015.", [("criminal", None)]),
    ("pemotongan Tambahan Penghasilan Pegawai (TPP) sebesar 25% selama 6 bulan", [("allowance-cut", "sedang")]),
    ("pemutusan hubungan kerja", [("contract-termination", None)]),
    ("diberi sanksi sesuai dengan ketentuan", [("unspecified", None)]),
    ("honorer yg melanggar diputus kontrak kerjanya", [("contract-termination", None)]),
    ("diberhentikan dengan tidak hormat sebagai PNS", [("dismissal-dishonourable", "berat")]),
    # a dismissal whose kind a line break cut off, or one that points back to the dismissal named before
    ("keputusan bupati kupang tentang pemberhentian tidak dengan", []),
    ("pemberhentian sebagaimana dimaksud dalam diktum kesatu berlaku", []),
    ("pns yang bersangkutan diberhentikan", [("dismissal", "berat")]),
    ("pemberhentian tidak dengan hormnt sebagai pns", [("dismissal-dishonourable", "berat")]),  # OCR's "hormat"
    ("hukdis sedang potong tukin 25% selama 6 bln", [("allowance-cut", "sedang")]),
    ("PDHTAPS (diberhentikan dgn hormat tdk atas permintaan sendiri)", [("dismissal-honourable", "berat")]),
    ("tenaga honorer yang terbukti terlibat sebagai tim sukses, hubungan kerjanya diputus", [("contract-termination", None)]),
    ("perpanjangan kontrak PPPK akan diputuskan berdasarkan hasil evaluasi kinerja", []),
    # a contract not renewed as the non-ASN staff are restructured (UU 20/2023) is no sanction; for a violation it is
    ("honorer yang kontraknya tidak diperpanjang dalam rangka penataan pegawai non-ASN", []),
    ("honorer yang ikut kampanye kontraknya tidak diperpanjang", [("contract-termination", None)]),
    # a range from a graded form to a graded hukuman disiplin without its form names both
    ("dijatuhi hukuman disiplin sedang berupa pemotongan tunjangan kinerja 25% selama 6 bulan sampai hukuman disiplin "
     "berat", [("allowance-cut", "sedang"), ("disciplinary", "berat")]),
    ("hukuman disiplin sedang berupa pemotongan tunjangan kinerja dan hukuman disiplin berat berupa pembebasan dari "
     "jabatan", [("allowance-cut", "sedang"), ("release-from-position", "berat")]),
    # a resignation asked for (APS) is no dismissal; a text that says its measure is no punishment states none
    ("memberhentikan dengan hormat atas permintaan sendiri sebagai Pegawai Negeri Sipil", []),
    ("Pemberhentian ini bukan merupakan hukuman disiplin.", []),
    ("pemanggilan itu bukan sanksi, namun jika terbukti dijatuhi hukuman disiplin berat berupa penurunan jabatan",
     [("position-demotion", "berat")]),
    ("pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS", [("dismissal-honourable", "berat")]),
    # a PPPK's ended work agreement is his dismissal; a non-ASN's is the end of a contract
    ("untuk pelanggaran berat PPPK dapat dilakukan pemutusan hubungan perjanjian kerja", [("dismissal", "berat")]),
    ("tenaga honorer dan PPPK yang melanggar diputus kontraknya", [("contract-termination", None)]),
    # (the release from duties that a punishment names is one)
    ("dibebaskan dari tugas jabatannya sebagai Kepala Sekolah selama 12 bulan sebagai hukuman disiplin berat",
     [("release-from-position", "berat"), ("disciplinary", "berat")]),
    # (a graded one that points back at the form is no sanction of its own)
    ("dijatuhi hukuman disiplin berat berupa pemberhentian dengan hormat tidak atas permintaan sendiri. Hukuman disiplin "
     "berat tersebut berlaku sejak tanggal ditetapkan", [("dismissal-honourable", "berat")]),
    # the release from duties that a leave brings is no sanction
    ("selama menjalani cuti di luar tanggungan negara, yang bersangkutan dibebaskan dari tugas jabatannya", []),
    # a personnel agency's unit dismisses no one; a dismissal next to a transfer does
    ("Bidang Pengadaan, Pemberhentian dan Informasi - BKPSDM Kabupaten Sidoarjo", []),
    ("Subbidang Mutasi dan Pemberhentian BKD", []),
    ("Bidang Pengadaan dan Pemberhentian Pegawai", []),
    ("dijatuhi sanksi pemberhentian dan pemindahan tugas", [("dismissal", "berat")]),
    ("usulan mutasi dan pemberhentian PNS yang terbukti tidak netral", [("dismissal", "berat")]),
    # a comparative does not classify: the regulation's level stands
    ("penurunan jabatan dan lebih ringan pembebasan jabatan",
     [("position-demotion", "berat"), ("release-from-position", "berat")]),
])
def test_sanctions(text, expected):
    assert [(s.type, s.severity) for s in sanctions(normalise(text))] == expected


def test_sanctions_said_to_no_longer_hold_are_none():
    assert clauses("Pada Pemilu 2019, pelanggar dijatuhi hukuman penundaan kenaikan gaji berkala. Jenis hukuman itu kini "
                   "tidak dikenal lagi.") == []
    # a sentence that limits them, stresses them or supposes leaves them standing
    for after in ("Ketentuan ini tidak berlaku bagi PPPK.", "Sanksi tersebut tidak ada pengecualian.",
                  "Jika sanksi tersebut tidak diterapkan, pejabat ditegur.", "Hukuman itu berat."):
        assert clauses("Pelanggar dijatuhi hukuman penundaan kenaikan gaji berkala. " + after)[:1] == [
            ("sanction", [], [("salary-increase-postponed", "sedang")])], after


def test_a_correction_withdraws_what_it_corrects():
    assert clauses("Ralat: Dalam versi sebelumnya berita ini menyebut sekretaris camat dijatuhi penurunan pangkat.") == []
    # (a report's recap of an earlier story is no correction)
    assert clauses("Sebelumnya diberitakan, seorang camat dijatuhi hukuman disiplin berat.") == [
        ("sanction", [], [("disciplinary", "berat")])]
    assert clauses("Pada berita sebelumnya, Bawaslu menyebut ASN tersebut terbukti ikut kampanye.") == [
        ("prohibition", ["campaign-participation"], [])]


def test_the_people_a_report_goes_through_did_what_it_says():
    assert clauses("Kedua, seorang sekretaris camat yang menggunakan mobil dinas untuk mengantar calon bupati.") == [
        ("prohibition", ["state-facilities"], [])]
    assert clauses("Kedua, seorang camat yang diduga menggunakan mobil dinas untuk mengantar calon bupati.") == []
    # a duty, an intention or a denial is no case
    assert clauses("Pertama, seorang ASN yang profesional wajib menjaga netralitas.") == [("obligation", [], [])]
    assert clauses("Kedua, seorang ASN yang tidak pernah ikut kampanye.") == []


def test_a_supervisors_finding_is_a_violation():
    assert clauses("Pengawas juga menemukan seorang kepala sekolah yang mengarahkan para guru memilih calon tertentu.") \
        == [("prohibition", ["mobilising-civil-servants"], [])]
    # not a finding hoped for, nor a suspicion
    assert clauses("Masyarakat diminta melapor jika menemukan ASN yang memasang baliho calon.") == []
    assert clauses("Bawaslu menemukan ASN yang diduga memasang baliho calon.") == []
    assert clauses("Yang kedua, ada ASN yang diduga pasang baliho di depan rumahnya, itu masih kami kaji.") == []
    assert clauses("Bawaslu belum pernah menemukan ASN yang ikut kampanye tahun ini.") == []
    assert clauses("Apabila masyarakat menemukan ASN yang ikut kampanye, segera laporkan.") == []


def test_prohibition_needs_a_cue_or_a_sanction():
    assert clauses("ASN dilarang memasang baliho.") == [("prohibition", ["campaign-materials"], [])]
    assert clauses("Warga memasang baliho di jalan.") == []
    assert clauses("Memasang baliho itu hukuman disiplinnya berat.") == [
        ("prohibition", ["campaign-materials"], [("disciplinary", "berat")])]
    # a sanction for "ASN yang tidak netral" is a sanction clause, not a ban on partisanship
    assert clauses("Setiap ASN yang terbukti tidak netral pasti dijatuhi hukuman disiplin.") == [
        ("sanction", [], [("disciplinary", None)])]


@pytest.mark.parametrize("text, expected", [
    # a pledge not to act
    ("2. Tidak akan menjadi anggota partai politik;", [("prohibition", ["party-membership"], [])]),
    # the negation in a lead-in that asks not to act
    ("ASN agar tidak:\n1. menghadiri deklarasi pasangan calon;", [("prohibition", ["declaration-attendance"], [])]),
    # a lead-in whose colon OCR read as a semicolon
    ("1. ASN dilarang;\n 1) ikut serta sebagai peserta kampanye;\n 2) memasang spanduk calon.",
     [("prohibition", ["campaign-participation"], []), ("prohibition", ["campaign-materials"], [])]),
    # examples counted on from a sentence that names violations
    ("Jenis pelanggaran yang paling banyak adalah kampanye melalui media sosial. Kedua, menghadiri deklarasi "
     "bakal pasangan calon.", [("prohibition", ["social-media-campaigning"], []),
                               ("prohibition", ["declaration-attendance"], [])]),
])
def test_negation_in_pledges_lead_ins_and_enumerations(text, expected):
    assert clauses(text) == expected


def test_a_sentence_that_forbids_the_acts_just_described():
    text = ("Laporan terbanyak soal ASN yang mempromosikan bakal calon di media sosial. BKN juga menerima laporan "
            "ASN yang melakukan pendekatan kepada partai politik agar diusung. Menurut dia, seluruh perbuatan itu "
            "merupakan pelanggaran netralitas yang dilarang bagi ASN.")
    assert clauses(text) == [("prohibition", ["social-media-campaigning"], []),
                             ("prohibition", ["party-approach"], [])]
    # without it, a report of acts forbids nothing
    assert "prohibition" not in [c[0] for c in clauses(text.rsplit(" Menurut", 1)[0])]


def test_an_act_found_proven_is_a_violation_and_an_unproven_one_is_not():
    # news of a disciplinary case: what the officer was found to have done
    assert clauses("Herman terbukti menghadiri deklarasi salah satu bakal pasangan calon.") == [
        ("prohibition", ["declaration-attendance"], [])]
    assert clauses("Yang bersangkutan terbukti:\na. mengunggah foto bersama calon ke akun Facebook pribadinya;") == [
        ("prohibition", ["social-media-engagement", "photo-with-candidate"], [])]
    assert clauses("Dugaan bahwa ia menjadi anggota tim kampanye calon tidak terbukti.") == []
    # a report going through its cases one by one: each case, and what the one it is about did
    text = ("Kasus pertama melibatkan seorang guru PPPK di Kecamatan Rengasdengklok. Ia mengunggah foto dirinya "
            "bersama calon bupati di akun Facebook pribadinya. Ia menambahkan, kampanye dimulai 25 September.\n"
            "Kasus kedua melibatkan seorang staf kecamatan yang menghadiri deklarasi bakal pasangan calon.")
    assert [c[1] for c in clauses(text)] == [["social-media-engagement", "photo-with-candidate"],
                                             ["declaration-attendance"]]
    # "Selain itu ada ASN yang ...", "Di Kobar ada pejabat yang ...": more of the acts the sentence before names
    text = ("Bentuk pelanggaran yang paling sering ditemukan adalah ASN membagikan unggahan calon di media sosial. "
            "Selain itu ada ASN yang berfoto bersama calon. Di Kobar ada pejabat eselon IV yang memakai mobil dinas "
            "ke lokasi kampanye.")
    assert [c[1] for c in clauses(text)] == [["social-media-engagement"], ["photo-with-candidate"],
                                             ["state-facilities"]]
    assert clauses("Rapat dimulai pukul 09.00. Selain itu ada ASN yang berfoto bersama calon.") == []
    assert [c[1] for c in clauses("Jenis pelanggaran terbanyak adalah kampanye melalui media sosial. Sisanya berupa "
                                  "penggunaan fasilitas negara.")] == [["social-media-campaigning"], ["state-facilities"]]
    # asking the public to report violations takes no side
    assert clauses("BKN mengimbau ASN tetap netral dan mengajak masyarakat melaporkan dugaan pelanggaran.") == []
    # an act found not proven, or not supported by evidence, is none, whatever list it stands in
    text = ("Hasil pemeriksaan sebagai berikut:\n1. Yang bersangkutan terbukti menghadiri deklarasi pasangan calon.\n"
            "2. Adapun dugaan bahwa ia anggota tim kampanye tidak terbukti. Dugaan penggunaan ruang kelas untuk pertemuan "
            "calon tidak didukung bukti yang cukup.")
    assert [c[1] for c in clauses(text)] == [["declaration-attendance"]]
    # a case still alleged is no violation
    assert clauses("Kasus kedua, seorang guru diduga memasang spanduk calon, namun tidak terbukti.") == []
    # what a speaker says is no act of the case ("Ia menambahkan ...")
    assert clauses("Kasus pertama sudah diteruskan ke BKN. Ia menambahkan, ASN harus hadir di kampanye "
                   "sebagai pengamanan.") == []
    assert clauses("Namanya tidak tercantum dalam daftar tim kampanye pasangan calon.") == []


def test_a_permission_on_a_condition_forbids_the_act_without_it():
    assert clauses("ASN yang istrinya maju sebagai calon hanya boleh ikut berkampanye jika mengambil cuti di luar "
                   "tanggungan negara.") == [("prohibition", ["campaign-participation", "spouse-campaign"], [])]
    assert clauses("ASN hanya boleh hadir sebagai pendengar dalam kampanye.") == []


def test_campaigning_for_a_spouse_stated_as_the_leave_it_requires_is_its_ban():
    assert clauses("ASN yang suami atau istrinya jadi calon, kalau mau ikut kampanye pasangannya, wajib mengambil cuti "
                   "di luar tanggungan negara.")[0] == ("prohibition", ["spouse-campaign"], [])
    assert clauses("ASN wajib menjaga netralitas.") == [("obligation", [], [])]


def test_what_was_called_off_is_no_ban():
    assert clauses("Budi tidak jadi menghadiri kampanye pasangan calon karena sakit.") == []


def test_a_rule_for_officials_who_are_not_civil_servants_is_not_an_asn_prohibition():
    assert clauses("Khusus kepala desa, ia mengingatkan larangan menjadi pengurus partai politik.") == []
    assert clauses("Kepala desa dilarang:\na. ikut kampanye;\nb. menjadi anggota partai politik.") == []
    # ... but one that names ASN too is
    assert clauses("ASN dan kepala desa dilarang ikut kampanye.") == [("prohibition", ["campaign-participation"], [])]
    assert clauses("ASN dilarang mengerahkan kepala desa dan warga untuk memilih calon.") == [
        ("prohibition", ["mobilising-civil-servants"], [])]
    assert clauses("Camat, lurah dan kepala desa dilarang ikut kampanye.") == [
        ("prohibition", ["campaign-participation"], [])]
    assert clauses("Bentuk pelanggaran netralitas:\na. mengerahkan kepala desa untuk mendukung calon tertentu;") == [
        ("prohibition", ["partisanship-general"], [])]
    # (a civil servant named only to say the village head is none)
    assert clauses("Kepala desa itu bukan ASN, tapi juga dilarang ikut kampanye dan bikin keputusan yang menguntungkan "
                   "calon.") == []
    assert clauses("Kepala desa bukanlah ASN, tapi dilarang ikut kampanye.") == []
    assert clauses("Kepala desa bukan merupakan ASN, tapi dilarang ikut kampanye.") == []


@pytest.mark.parametrize("text, expected", [
    # the village heads are the subject inside the sentence: a Camat told to remind them is who tells them
    ("Camat agar mengingatkan kepala desa di wilayahnya bahwa kepala desa dan perangkat desa dilarang menjadi pengurus "
     "partai politik, dengan sanksi teguran lisan.", []),
    # what village heads or soldiers face for a violation is no ASN sanction
    ("Pelanggaran oleh kepala desa dan perangkat desa dikenai sanksi administratif berupa teguran tertulis oleh Bupati "
     "melalui Camat.", []),
    ("Kepala desa yang melanggar dikenai sanksi administratif berupa teguran lisan.", []),
    # ... unless civil servants share the subject, or are the subject of the sentence's other half
    ("Pelanggaran oleh kepala desa dan ASN dikenai hukuman disiplin berat.", [("sanction", [], [("disciplinary", "berat")])]),
    ("ASN yang melanggar dijatuhi hukuman disiplin berat, sedangkan kepala desa yang melanggar ditegur.",
     [("sanction", [], [("disciplinary", "berat")])]),
    ("ASN dilarang mengerahkan kepala desa dan warga untuk memilih calon.",
     [("prohibition", ["mobilising-civil-servants"], [])]),
    # the village under its other names (nagari and jorong in Sumatera Barat, gampong in Aceh), and the subject of
    # a lead-in that is its items'
    ("Di samping itu, kami minta perangkat nagari dan wali jorong tidak menjadi tim sukses pasangan calon mana pun.", []),
    ("Sesuai Undang-Undang Nomor 6 Tahun 2014 tentang Desa, perangkat nagari dilarang:\na. menjadi pengurus partai "
     "politik;\nb. ikut serta dalam kampanye.", []),
    ("Keuchik yang melanggar dikenai teguran tertulis.", []),
    # an item's own subject comes before its lead-in's
    ("Kepada ASN disampaikan hal-hal berikut:\nA. ASN dilarang ikut kampanye.\nB. Kepala Desa dan Perangkat Desa agar "
     "berpedoman pada Undang-Undang Nomor 6 Tahun 2014, yang melarang kepala desa menjadi pengurus partai politik.",
     [("prohibition", ["campaign-participation"], [])]),
    # a Sekretaris Desa may be a civil servant: no village official by the title alone
    ("Sekretaris desa yang berstatus PNS dilarang ikut kampanye.", [("prohibition", ["campaign-participation"], [])]),
])
def test_officials_who_are_not_civil_servants_as_the_subject_inside_a_sentence(text, expected):
    assert clauses(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Memastikan kendaraan dinas, rumah dinas, dan fasilitas kantor lainnya tidak digunakan untuk kepentingan peserta "
     "Pemilu.", [("prohibition", ["state-facilities"], [])]),
    ("Kendaraan dinas tidak boleh dipakai untuk kampanye.", [("prohibition", ["state-facilities"], [])]),
    # a finding is no ban
    ("Mobil dinas itu tidak ditemukan di lokasi kampanye.", []),
])
def test_a_thing_kept_from_a_use_is_a_ban_on_that_use(text, expected):
    assert clauses(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Tanpa cuti tersebut, Anda dilarang ikut dalam kegiatan kampanye pasangan Anda.",
     [("prohibition", ["campaign-participation", "spouse-campaign"], [])]),
    ("ASN yang mendampingi suaminya saat kampanye wajib mengambil cuti.", [("prohibition", ["spouse-campaign"], [])]),
    # "pasangan calon" is the candidate pair
    ("ASN dilarang menghadiri kampanye pasangan calon.", [("prohibition", ["campaign-participation"], [])]),
])
def test_a_spouse_named_by_a_possessive(text, expected):
    assert clauses(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("ASN dilarang berfoto bersama pasangan calon dengan gaya jari atau simbol dukungan lainnya.",
     [("prohibition", ["photo-with-candidate", "gestures"], [])]),
    # the object of a like or a share is what was posted, not a campaign of one's own
    ("ASN dilarang mengomentari, menyukai, atau membagikan unggahan kampanye di grup WhatsApp maupun di Facebook.",
     [("prohibition", ["social-media-engagement"], [])]),
])
def test_gestures_and_posts(text, expected):
    assert clauses(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("4 Bentuk Pelanggaran: Hadir sebagai peserta dalam kampanye pasangan calon",
     [("prohibition", ["campaign-participation"], [])]),
    ("ASN dilarang datang ke kampanye calon.", [("prohibition", ["campaign-participation"], [])]),
    ("ASN dilarang menonton kampanye akbar pasangan calon.", [("prohibition", ["campaign-participation"], [])]),
    ("ASN dilarang berfoto dengan pasangan calon sambil membentuk simbol jari.",
     [("prohibition", ["photo-with-candidate", "gestures"], [])]),
    ("ASN boleh hadir dalam rapat koordinasi pengawasan.", []),
    # coming to a campaign as the purpose of using the office's car is the use of the car
    ("ASN dilarang menggunakan kendaraan dinas untuk datang ke lokasi kampanye.",
     [("prohibition", ["state-facilities"], [])]),
])
def test_attending_a_campaign_and_photos(text, expected):
    assert clauses(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a bulletin's pointer to a story on another page, on one line or two
    ("- Lima ASN Majene Dijatuhi Teguran Tertulis Usai\nPemilu Februari (hlm. 3)\n- Polewali Mandar Gelar Apel (hlm. 4)", []),
    ("- Lima ASN Dijatuhi Teguran Tertulis Usai Pemilu (hal. 3)", []),
    # ... not a sentence that goes on
    ("ASN yang melanggar dijatuhi teguran tertulis.\nLihat pula halaman 3 (hlm. 3)",
     [("sanction", [], [("written-reprimand", "ringan")])]),
])
def test_a_pointer_to_another_page_is_no_rule(text, expected):
    assert clauses(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a question rules nothing
    ("ASN kerap bertanya-tanya: apakah mereka sama sekali tidak boleh datang ke lokasi kampanye?", []),
    ("Bolehkah saya memberi tanda suka pada unggahan pasangan calon?", []),
    # of several acts, the one allowed is none prohibited
    ("Bawaslu Mabar: ASN Boleh Hadir di Kampanye, Asal Tak Pakai Atribut", [("prohibition", ["campaign-attributes"], [])]),
    ("ASN dilarang hadir di kampanye dan memakai atribut partai.",
     [("prohibition", ["campaign-participation"], []), ("prohibition", ["campaign-attributes"], [])]),
])
def test_questions_and_allowed_acts(text, expected):
    assert clauses(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a question whether an act is allowed, answered "no": the act is forbidden
    ("1. Bolehkah ASN menghadiri deklarasi pasangan calon bila diundang? Tidak boleh, meskipun hadir tanpa atribut.",
     [("prohibition", ["declaration-attendance"], [])]),
    ("Apakah PPPK boleh memasang baliho calon di rumahnya? Tidak. PPPK juga ASN.",
     [("prohibition", ["campaign-materials"], [])]),
    ("Apakah ASN boleh ikut kampanye saat cuti?\nJawab: Tetap tidak diperbolehkan.",
     [("prohibition", ["campaign-participation"], [])]),
    # (what the question puts as its condition is not what it forbids)
    ("Kalau saya datang ke kampanye akbar hanya untuk menonton konser, tidak pakai atribut, apakah boleh? "
     "Tetap tidak diperkenankan.", [("prohibition", ["campaign-participation"], [])]),
    ("Bolehkah ASN yang tidak sedang cuti menghadiri kampanye pasangan calon? Tidak boleh.",
     [("prohibition", ["campaign-participation"], [])]),
    # answered "yes", or a question that is not whether it is allowed: nothing
    ("Bolehkah ASN menonton debat calon di televisi? Boleh.", []),
    ("Bolehkah ASN memberi tanda suka pada unggahan calon? Ya, boleh.", []),
    ("Apakah ASN dilarang memasang baliho calon? Tidak ada aturan khusus di daerah kami.", []),
])
def test_a_question_answered_no(text, expected):
    assert clauses(text) == expected


@pytest.mark.parametrize("text, expected", [
    # rules of office life that are no election rules: an official car taken home for the holiday, a gift to an
    # official, a requirement of an applicant's past, an act of another kind named with its sanction
    ("Kendaraan dinas tidak diperkenankan dibawa mudik atau dipakai untuk keperluan pribadi selama libur Idulfitri.", []),
    ("Pegawai ASN dilarang meminta, memberi, atau menerima gratifikasi dalam bentuk uang dari pihak ketiga.", []),
    ("Persyaratan pelamar:\n- Tidak pernah dipidana dengan pidana penjara 2 (dua) tahun atau lebih;\n"
     "- Tidak pernah diberhentikan dengan hormat tidak atas permintaan sendiri sebagai PNS;", []),
    ("Guru yang terlambat lebih dari tiga kali dalam satu bulan akan ditegur secara tertulis oleh Kepala Sekolah.", []),
    ("Khusus bagi Pegawai ASN yang tidak masuk kerja tanpa alasan yang sah pada hari pertama kerja setelah cuti "
     "bersama, dijatuhi hukuman disiplin.", []),
    # the crime a cited statute's title names is no sanction
    ("Mengingat:\n2. Undang-Undang Nomor 31 Tahun 1999 tentang Pemberantasan Tindak Pidana Korupsi;", []),
    # a thing said not to be a state facility is none
    ("Rumah orang tua Ibu memang bukan fasilitas negara.", []),
    # ... but the election's own uses, gifts and sanctions stay
    ("ASN dilarang menggunakan kendaraan dinas untuk keperluan pribadi maupun kampanye.",
     [("prohibition", ["state-facilities"], [])]),
    ("ASN dilarang memberikan gratifikasi kepada pemilih.", [("prohibition", ["partisan-activities"], [])]),
    ("ASN yang tidak netral dikenai sanksi moral.", [("sanction", [], [("moral-sanction", None)])]),
    ("Pegawai ASN yang bersangkutan dikenai sanksi moral.", [("sanction", [], [("moral-sanction", None)])]),
    ("ASN yang ikut sebagai tim kampanye diancam pidana sesuai Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan "
     "Umum.", [("prohibition", ["campaign-team"], [("criminal", None)])]),
    # (the violation named before the one sanctioned is an election one)
    ("Dugaan pelanggaran netralitas ASN yang ditemukan akan direkomendasikan kepada BKN untuk dijatuhi sanksi sesuai "
     "dengan ketentuan.", [("sanction", [], [("unspecified", None)])]),
    ("Selain itu, guru yang terlambat lebih dari tiga kali dalam sebulan akan ditegur secara tertulis.", []),
])
def test_rules_of_other_matters_are_no_election_rules(text, expected):
    assert clauses(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("hukuman disiplin berat berupa pemindahan dalam rangka penurunan jabatan setingkat lebih rendah",
     ["transfer-demotion"]),
    ("hukuman disiplin berat berupa penurunan jabatan setingkat lebih rendah selama 12 bulan", ["position-demotion"]),
])
def test_a_transfer_that_demotes_is_no_demotion_in_place(text, expected):
    assert [s.type for s in sanctions(normalise(text))] == expected



def test_a_lead_in_that_imposes_a_sanction_states_it():
    assert clauses("Pegawai ASN yang melanggar dijatuhi hukuman disiplin sesuai Peraturan Pemerintah Nomor 94 Tahun 2021, "
                   "yaitu:\na. hukuman disiplin ringan: teguran lisan;\nb. hukuman disiplin berat: pemberhentian dengan "
                   "hormat tidak atas permintaan sendiri.") == [
        ("sanction", [], [("disciplinary", None)]), ("sanction", [], [("verbal-reprimand", "ringan")]),
        ("sanction", [], [("dismissal-honourable", "berat")])]
    # a lead-in that only names the forms states none
    assert clauses("Jenis hukuman disiplin:\na. teguran lisan;\nb. teguran tertulis.") == [
        ("sanction", [], [("verbal-reprimand", "ringan")]), ("sanction", [], [("written-reprimand", "ringan")])]


def test_what_is_allowed_is_not_a_prohibition():
    assert clauses("Soal ASN yang sudah mendeklarasikan diri sebagai calon, kita tidak dapat mendahului.") == []
    assert clauses("ASN tetap punya hak politik untuk memilih calon kepala daerah.") == []
    assert clauses("ASN boleh menghadiri kampanye sebagai petugas pengamanan.") == []


def test_a_nested_list_takes_the_ban_of_the_list_above():
    # PP 94/2021 Pasal 5: "PNS dilarang: ... n. memberikan dukungan kepada calon ... dengan cara: 1. ikut kampanye"
    assert clauses("PNS dilarang:\nn. memberikan dukungan kepada calon Presiden dengan cara:\n  1. ikut kampanye;\n"
                   "  2. memasang baliho;") == [("prohibition", ["campaign-participation"], []),
                                                ("prohibition", ["campaign-materials"], [])]
    # ... and a nested list under an obligation forbids nothing
    assert clauses("ASN wajib:\na. menjaga netralitas dengan cara:\n1. memasang baliho imbauan netralitas;") == []


def test_a_line_that_finishes_an_item_keeps_its_list_open():
    # a PDF's text or a page break leaves an item's last words on a line of their own (and the list goes on
    # on the next page, its first item on line 0 as the lead-in was on the page before)
    from himpun.ingest.parse.segment import ListState
    lists = ListState()
    first = page_clauses("2. Pegawai ASN dilarang:\na. menjadi anggota partai politik;\nb. menjadi calon anggota DPRD "
                         "tanpa mengundurkan diri sebagai\nPegawai ASN;", 1, SHA, 1, lists)
    second = page_clauses("c. mengikuti kampanye peserta Pemilu;\nd. memasang baliho calon.", 2, SHA, 10, lists)
    assert [c.categories for c in first + second] == [["party-membership"], ["candidacy"],
                                                      ["campaign-participation"], ["campaign-materials"]]
    assert [c.marker for c in second] == ["2.c", "2.d"]
    # a sentence after the last item ends the list: the items after it forbid nothing
    assert clauses("ASN dilarang:\na. mengikuti kampanye calon di wilayah\nKabupaten Banjar.\n"
                   "b. memasang baliho;") == [("prohibition", ["campaign-participation"], [])]


def test_a_table_row_read_cell_by_cell_is_a_violation_with_its_sanction():
    text = ("4 Rumah Sakit Jiwa\n\nPNS\n\nMenjadi anggota tim kampanye calon anggota DPRD (Pemilu 2024)\n\n"
            "Penurunan jabatan setingkat lebih rendah selama 12 bulan\n\nBerat\n")
    assert clauses(text) == [("prohibition", ["campaign-team"], [("position-demotion", "berat")]),
                             ("sanction", [], [("position-demotion", "berat")])]
    # (an act named in a sentence, then a sentence about sanctions in general, is no row)
    assert clauses("Sebagian warga menjadi anggota tim kampanye calon.\nHukuman disiplin diatur dalam PP 94/2021.") == [
        ("sanction", [], [("disciplinary", None)])]


def test_table_rows_with_a_severity_between_a_merged_sanction_and_rows_that_are_not_cases():
    # a severity cell between the act and its sanction; a row whose sanction cell is merged with the row's above
    text = ("5 Ikut serta dalam kampanye pasangan calon\n\nSedang\n\nPemotongan TPP sebesar 25% selama 12 bulan\n\n"
            "6 Memasang spanduk, baliho atau alat peraga kampanye lainnya\n\n7 Menghadiri deklarasi pasangan calon\n\n"
            "Pemotongan TPP sebesar 25% selama 6 bulan")
    assert [c[:2] for c in clauses(text) if c[0] == "prohibition"] == [
        ("prohibition", ["campaign-participation"]), ("prohibition", ["campaign-materials"]),
        ("prohibition", ["declaration-attendance"])]
    # (a table of counts, and a village head's row, are no civil servant's violation)
    assert clauses("Memberikan like di media sosial 30\nJenis Hukuman Jumlah\nTeguran tertulis 20") == [
        ("sanction", [], [("written-reprimand", "ringan")])]
    assert clauses("Kepala Desa\n\nMenghadiri kampanye pasangan calon\n\nTeguran tertulis") == [
        ("sanction", [], [("written-reprimand", "ringan")])]
    assert clauses("Sekretaris Desa\n\nMenghadiri kampanye pasangan calon\n\nTeguran tertulis") == [
        ("sanction", [], [("written-reprimand", "ringan")])]
    assert clauses("Sanksi\n\nMenghadiri kampanye pasangan calon\n\n12\n\nTeguran tertulis") == [
        ("sanction", [], [("written-reprimand", "ringan")])]
    # (the offender's status and the level may stand between)
    assert clauses("Menjadi anggota tim kampanye calon anggota DPRD\n\nPNS\n\nSedang\n\nPemotongan TPP 25%")[0] == (
        "prohibition", ["campaign-team"], [("allowance-cut", "sedang")])
    # (a merged sanction does not reach into the next table)
    text = ("TABEL SATU\n1 Ikut serta dalam kampanye pasangan calon\n\nPemberhentian tidak dengan hormat\n\nTABEL DUA\n"
            "1 Memberikan like pada unggahan calon\n\n2 Menghadiri deklarasi pasangan calon\n\nTeguran tertulis")
    assert [c[2] for c in clauses(text) if c[1] == ["social-media-engagement"]] == []


def test_a_section_of_violations_other_than_neutrality_states_no_election_rule():
    text = ("A. PELANGGARAN NETRALITAS\nMenghadiri deklarasi bakal pasangan calon Pemotongan TPP 25% selama 9 bulan\n"
            "B. PELANGGARAN DISIPLIN LAINNYA (BUKAN NETRALITAS)\nTidak masuk kerja 28 hari Pemberhentian dengan hormat\n"
            "Teguran lisan\nC. JUMLAH\nTanpa tingkat (PTDH): 1")
    assert [c[2] for c in clauses(text)] == [[("allowance-cut", "sedang")], [("dismissal-dishonourable", "berat")]]
    # (a heading of non-neutral conduct is no such section; an explicit ban under one still counts)
    assert clauses("REKAPITULASI PELANGGARAN DISIPLIN PNS (NETRALITAS DAN NON NETRALITAS)\n1. Menjadi anggota tim "
                   "kampanye calon, dijatuhi penurunan jabatan.") == [
        ("prohibition", ["campaign-team"], [("position-demotion", "berat")])]
    assert clauses("B. PELANGGARAN LAINNYA (BUKAN NETRALITAS)\nTidak masuk kerja Pemberhentian dengan hormat\n"
                   "PNS dilarang menjadi anggota partai politik.") == [("prohibition", ["party-membership"], [])]


def test_an_examiners_question_whether_one_knows_a_rule_states_it():
    assert clauses("Apakah Saudara mengetahui bahwa atas pelanggaran netralitas Saudara dapat dijatuhi hukuman disiplin "
                   "tingkat sedang dan sanksi moral?") == [("sanction", [], [("moral-sanction", None),
                                                                           ("disciplinary", "sedang")])]
    assert clauses("Apakah Saudara dijatuhi hukuman disiplin?") == []
    assert clauses("Apakah Saudara mengetahui bahwa rekan Saudara telah dijatuhi hukuman disiplin sedang berupa "
                   "pemotongan tunjangan kinerja?") == []


def test_the_condition_of_an_allowed_act_and_the_spouses_leave():
    assert clauses("Menghadiri acara keluarga di rumah mertua pada dasarnya boleh. Syaratnya, di acara itu tidak ada ajakan "
                   "untuk memilih dan Saudara tidak ikut menyampaikan dukungan.") == []
    assert clauses("PNS yang suami atau istrinya menjadi calon boleh mendampingi pasangannya berkampanye setelah mengambil "
                   "cuti di luar tanggungan negara.") == [("prohibition", ["campaign-participation", "spouse-campaign"], [])]
    assert clauses("PNS yang istrinya menjadi calon bisa ikut mendampingi setelah terlebih dahulu mengambil cuti di luar "
                   "tanggungan negara.") == [("prohibition", ["spouse-campaign"], [])]
    # (a condition that is itself a ban)
    assert clauses("Syaratnya, ASN dilarang memakai atribut partai.") == [("prohibition", ["campaign-attributes"], [])]


def test_a_fact_checks_quoted_claim_and_the_claim_it_denies_rule_nothing():
    text = ("Berikut kutipan pesan tersebut:\n\"ASN boleh ikut kampanye asal di luar jam kerja. Kalau ketahuan, sanksinya "
            "cuma teguran lisan.\"\nBagian pesan yang menyebut sanksinya \"cuma teguran lisan\" juga tidak benar. "
            "ASN dilarang ikut kampanye pasangan calon.")
    assert clauses(text) == [("prohibition", ["campaign-participation"], [])]
    # (a statement is no denied claim, nor is "salah satu")
    assert clauses("Bupati menyatakan bahwa ASN yang ikut kampanye salah satu calon dijatuhi hukuman disiplin berat.") == [
        ("prohibition", ["campaign-participation"], [("disciplinary", "berat")])]


def test_items_that_open_with_bahwa_under_a_lead_in_are_its_items():
    text = ("Pengadu mendalilkan bahwa Teradu melakukan perbuatan yang dilarang bagi ASN, yaitu:\n"
            "1. Bahwa Teradu berfoto bersama pasangan calon dengan pose jari;")
    assert [c[1] for c in clauses(text)] == [["photo-with-candidate", "gestures"]]


def test_a_consideration_after_a_colon_is_no_list_of_the_sentence_before():
    # a Menimbang item whose semicolon OCR read as a colon, before "d. bahwa ...": its ban is no lead-in
    text = ("bahwa sesuai Keputusan Bersama, Pegawai ASN dilarang mencalonkan diri sebagai calon kepala daerah tanpa "
            "mengundurkan diri:\nd. bahwa Badan Kepegawaian Negara telah memberikan persetujuan teknis;")
    assert [c[1] for c in clauses(text)] == [["candidacy"]]


def test_an_admitted_act_is_a_violation_and_a_definition_is_no_ban():
    assert clauses("Saya mengakui bahwa pada hari Sabtu tanggal 5 Oktober 2024 saya telah:\na. menghadiri kampanye terbuka "
                   "pasangan calon,\nb. mengunggah foto saya bersama calon Bupati dengan pose duajari ke akun Facebook.") == [
        ("prohibition", ["campaign-participation"], []),
        ("prohibition", ["social-media-engagement", "photo-with-candidate", "gestures"], [])]
    assert clauses("Ia tidak mengakui menghadiri kampanye pasangan calon.") == []
    assert clauses("ASN tersebut mengaku ikut kampanye pasangan calon.") == [("prohibition", ["campaign-participation"], [])]
    # (a concession is no admission of an act; "tidak membenarkan" still forbids)
    assert clauses("Bawaslu mengakui kesulitan mengawasi ASN yang berkampanye di media sosial.") == []
    assert clauses("Undang-undang tidak membenarkan ASN menjadi anggota partai politik.") == [
        ("prohibition", ["party-membership"], [])]
    assert clauses("Netralitas ASN adalah kewajiban, sehingga ASN dilarang berpihak kepada pasangan calon mana pun.") == [
        ("prohibition", ["partisanship-general"], [])]
    assert clauses("Netralitas Pegawai ASN adalah keadaan Pegawai ASN yang tidak berpihak dari segala bentuk pengaruh "
                   "mana pun dan tidak memihak kepada kepentingan siapa pun.") == []


def test_what_non_civil_servants_face_is_a_sanction_and_their_acts_no_ban():
    assert clauses("Bagi tenaga non-ASN di lingkungan Pemerintah Kabupaten Bogor, Perangkat Daerah melakukan pemutusan "
                   "perjanjian kerja apabila terbukti terlibat dalam kegiatan kampanye.") == [
        ("sanction", [], [("contract-termination", None)])]
    assert clauses("Peserta didik dilarang membawa dan mengenakan atribut kampanye di lingkungan sekolah.") == []
    # (pupils as the object of the ban: the ASN's)
    assert clauses("Larangan bagi ASN di sekolah:\n1. siswa tidak boleh dimobilisasi untuk menghadiri kampanye;") == [
        ("prohibition", ["campaign-participation"], [])]
    # (a civil servant's punishment next to it keeps the ban)
    assert clauses("Kepala OPD dan tenaga kontrak yang terbukti ikut kampanye akan diputus kontraknya atau dijatuhi "
                   "hukuman disiplin.")[0][1] == ["campaign-participation"]
    assert clauses("Kepada para pemangku adat agar tidak menjadi tim pemenangan atas nama lembaga adat.") == []


def test_a_captions_appeal_to_vote_is_campaigning_online():
    assert clauses("ASN dilarang mengunggah foto bersama calon, disertai tulisan \"Ayo pilih nomor 1, lanjutkan!\"") == [
        ("prohibition", ["social-media-engagement", "photo-with-candidate"], []),
        ("prohibition", ["social-media-campaigning"], [])]
    assert clauses("Warga diajak: pilih nomor 1 dalam undian doorprize.") == []


def test_a_piece_of_a_line_between_two_items_leaves_the_list_open():
    # a photo's warp put a piece of item 3 between items 2 and 3: items 3 and 4 are still under "DILARANG"
    text = ("C. DILARANG\n\n1. Memasang spanduk pasangan calon di lingkungan sekolah.\n\n2. Menggunakan ruang kelas "
            "untuk kegiatan pasangan calon.\n\nh pasangan calon tertentu, termasuk\n\n3. Mengajak murid memilih\n\n"
            "melalui grup WhatsApp kelas.\n4. Berfoto bersama pasangan calon dengan pose jari.")
    assert [c[1] for c in clauses(text)] == [["campaign-materials"], ["state-facilities"], ["partisan-activities"],
                                            ["photo-with-candidate", "gestures"]]
    # (a sub-heading between two items ends the list: item 3 is no ban)
    assert clauses("Larangan bagi ASN:\n1. Memasang spanduk pasangan calon.\n2. Berfoto bersama pasangan calon.\n"
                   "Kewajiban ASN\n3. Mengikuti kegiatan kampanye dalam rangka pengamanan.") == [
        ("prohibition", ["campaign-materials"], []), ("prohibition", ["photo-with-candidate"], [])]
    # (the items after a piece that comes before another list's item are not taken in)
    assert clauses("C. DILARANG\n1. Memasang spanduk pasangan calon.\nh pasangan calon tertentu\n"
                   "a. Berfoto bersama pasangan calon.") == [("prohibition", ["campaign-materials"], [])]


def test_a_supervisors_findings_are_violations():
    text = ("2. Temuan yang paling sering pada tahapan awal Pemilihan:\n- ASN hadir pada deklarasi bakal pasangan calon;\n"
            "- ASN mempromosikan bakal calon melalui akun media sosial pribadinya.\nKedua temuan itu sudah diteruskan.")
    assert [c[1] for c in clauses(text)] == [["declaration-attendance"], ["social-media-campaigning"]]
    assert clauses("ASN diminta menghadiri rapat evaluasi temuan pengawasan kampanye.") == []


def test_an_item_whose_marker_ocr_lost_stays_in_its_list():
    text = ("ASN dilarang:\nb. ikut kampanye calon;\n\nmemakai atribut partai politik;\n\n"
            "e. memasang spanduk di rumah:")
    assert [c.categories for c in page_clauses(text, 1, SHA, 1)] == [
        ["campaign-participation"], ["campaign-attributes"], ["campaign-materials"]]
    # every marker of the rest of a list lost (a fax): lines in lowercase that end as items stay in the list
    text = ("ASN dilarang:\na. ikut kampanye;\nb. memasang spanduk calon;\nmemakai atribut partai politik:\n"
            "menghadiri deklarasi pasangan calon;\nPNS yang melanggar dijatuhi hukuman disiplin.\nberfoto bersama calon.")
    assert [c.categories for c in page_clauses(text, 1, SHA, 1) if c.kind == "prohibition"] == [
        ["campaign-participation"], ["campaign-materials"], ["campaign-attributes"], ["declaration-attendance"]]
    # ... also at a page's foot, its colon OCR's: the list goes on on the next page
    from himpun.ingest.parse.segment import ListState
    pages = ListState()
    page_clauses("ASN dilarang:\na. ikut kampanye;\n\nmemberikan surat dukungan disertai fotokopi KTP:", 1, SHA, 1, pages)
    assert [c.categories for c in page_clauses("f. menggunakan mobil dinas untuk kegiatan calon.", 2, SHA, 9, pages)] \
        == [["state-facilities"]]
    # the last item of a page ending in OCR's colon is an item, not the lead-in of a list on the next page...
    from himpun.ingest.parse.segment import ListState
    lists = ListState()
    page_clauses("ASN dilarang:\na. ikut kampanye;\nb. memasang spanduk calon:", 1, SHA, 1, lists)
    assert lists.lead_in is not None and lists.lead_in.text == "ASN dilarang:"
    # ... unless its words open a sub-list
    page_clauses("PNS dilarang:\nn. memberikan dukungan kepada calon dengan cara:", 1, SHA, 1, lists)
    assert lists.lead_in.text.startswith("n. memberikan dukungan")
    page_clauses("PNS dilarang:\na. ikut kampanye;\nb. memberikan dukungan kepada calon melalui kegiatan:", 1, SHA, 1, lists)
    second = page_clauses("1) pertemuan;\n2) pemberian barang kepada pegawai;", 2, SHA, 10, lists)
    assert [(c.marker, c.categories) for c in second] == [("b.2", ["partisan-activities"])]


def test_a_list_whose_markers_a_fax_lost_goes_on_over_the_page_break():
    # page 2 opens with the fax's time stamp and transmission line, then the items without their markers; a
    # speck's full stop after a word that needs more ("untuk.") closes nothing; the last item's full stop does
    from himpun.ingest.parse.segment import ListState
    lists = ListState()
    page_clauses("Pegawai ASN dilarang:\na. menjadi anggota partai politik;\nd. menghadiri kampanye calon:", 1, SHA, 1,
                 lists)
    second = page_clauses(
        "11/09/2024 15:42\n\nFAX (0261) 2010417 SETDA KAB SUMEDANG P.002/002\n\n"
        "memakai atribut pasangan calon:\n\nmemanfaatkan kendaraan dinas dan sarana kantor untuk.\n\n"
        "kepentingan pasangan calon:\n\n'berfoto bersama pasangan calon sambil mengacungkan jari\n\n"
        "memberikan pelayanan yang berbeda karena perbedaan pilihan politik.\n\n"
        "3. Pegawai ASN wajib hadir apel.", 2, SHA, 9, lists)
    assert [c.categories for c in second if c.kind == "prohibition"] == [
        ["campaign-attributes"], ["state-facilities"], ["photo-with-candidate", "gestures"],
        ["discriminatory-service"]]
    # a line that sets something against the list, or one a full stop ends with no item after it, is no item
    text = "Pegawai ASN dilarang:\na. memasang spanduk;\nb. ikut kampanye;\n\nsedangkan ASN boleh menghadiri kampanye."
    assert [c.categories for c in page_clauses(text, 1, SHA, 1)] == [["campaign-materials"], ["campaign-participation"]]
    text = "Pegawai ASN dilarang:\na. memasang spanduk;\n\nmenurut dia hal itu sudah disosialisasikan ke kampanye."
    assert [c.categories for c in page_clauses(text, 1, SHA, 1)] == [["campaign-materials"]]
    # a page that opens with a sentence of its own ends the list above
    page_clauses("ASN dilarang:\na. ikut kampanye;", 1, SHA, 1, lists)
    assert page_clauses("Demikian disampaikan.\n\nmemasang spanduk calon;", 2, SHA, 9, lists) == []


def test_a_nested_list_ends_and_its_parent_list_goes_on():
    # "f. ... yaitu:" opens a sub-list; its last item ends in OCR's colon before "g." of the list above, which
    # goes on under "2. Pegawai ASN dilarang:"
    text = ("2. Pegawai ASN dilarang:\na. menjadi anggota partai politik;\nf. melakukan kegiatan di media sosial yang "
            "menunjukkan keberpihakan, yaitu:\n1) menyukai konten pasangan calon;\n2) mempromosikan pasangan calon "
            "melalui akun media sosial pribadi:\ng. berfoto bersama pasangan calon;\nh. menggunakan kendaraan dinas.")
    found = [(c.marker, c.categories) for c in page_clauses(text, 1, SHA, 1) if c.kind == "prohibition"]
    assert found == [("2.a", ["party-membership"]), ("2.f.1", ["social-media-engagement"]),
                     ("2.f.2", ["social-media-campaigning"]), ("2.g", ["photo-with-candidate"]),
                     ("2.h", ["state-facilities"])]
    # an item's last line at a page's foot, in OCR's colon: the item, not a lead-in; the list goes on
    from himpun.ingest.parse.segment import ListState
    lists = ListState()
    page_clauses("Pegawai ASN dilarang:\na. menjadi anggota partai politik;\nb. mencalonkan diri sebagai bakal calon "
                 "Bupati, Wakil\nBupati tanpa mengundurkan diri sebagai Pegawai ASN:", 1, SHA, 1, lists)
    second = page_clauses("c. menjadi anggota tim kampanye pasangan calon;", 2, SHA, 9, lists)
    assert [(c.marker, c.categories) for c in second] == [("c", ["campaign-team"])]


def test_a_lead_in_ending_in_its_negation_forbids_its_items():
    text = ("kami minta Saudara memastikan bahwa guru berstatus PNS pada satuan pendidikan yang Saudara pimpin tidak:\n"
            "1. memasang spanduk pasangan calon di lingkungan sekolah;\n2. hadir dalam deklarasi pasangan calon.")
    assert [c[1] for c in clauses(text)] == [["campaign-materials"], ["declaration-attendance"]]
    assert clauses("Hal-hal yang perlu diperhatikan:\n1. memasang spanduk imbauan netralitas di sekolah;") == []
    assert clauses("ASN yang hadir dalam kampanye sebagai warga, baik memakai seragam maupun tidak;") == []


def test_an_answers_bare_verdict_forbids_what_its_next_sentence_describes():
    text = ("4. Bolehkah membuat status dukungan?\nJawab: Tetap tidak diperbolehkan. Membuat status, story, atau konten "
            "yang mempromosikan pasangan calon di akun pribadi termasuk kampanye di media sosial.")
    assert clauses(text) == [("prohibition", ["social-media-campaigning"], [])]
    # the exception after a "no" is none of it
    assert clauses("Jawab: Tidak boleh. Tapi menyukai postingan KPU tentang jadwal kampanye tidak masalah.") == []
    # not past the answer's paragraph
    assert clauses("Jawab: Tidak boleh.\nKendaraan dinas dipakai untuk rapat koordinasi.") == []
    assert [c[1] for c in clauses("ASN tidak diperkenankan menyelenggarakan pertemuan yang diisi ajakan memilih "
                                  "pasangan calon tertentu.")] == [["partisan-activities"]]


def test_a_sub_list_ends_and_an_unnumbered_lead_ins_list_goes_on():
    text = ("Pegawai ASN dilarang:\na. memasang spanduk calon;\nb. memberikan dukungan kepada calon dengan cara:\n"
            "1) berfoto bersama calon;\n2) mengunggah foto ke media sosial;\nc. menghadiri deklarasi pasangan calon;\n"
            "d. menjadi anggota tim kampanye.")
    assert [(c.marker, c.categories) for c in page_clauses(text, 1, SHA, 1)][-2:] == [
        ("c", ["declaration-attendance"]), ("d", ["campaign-team"])]


def test_list_items_take_the_negation_of_their_lead_in():
    text = "ASN dilarang:\na. mengikuti kampanye;\nb. memasang spanduk calon;\nc. menyukai unggahan calon."
    assert [c[1] for c in clauses(text)] == [["campaign-participation"], ["campaign-materials"],
                                              ["social-media-engagement"]]


def test_bare_yaitu_lead_in_carries_the_sentence_before():
    text = "Bupati juga melarang tindakan lain bagi ASN. Yaitu:\n1. Memasang baliho calon.\n2. Hadir dalam deklarasi."
    assert clauses(text) == [("prohibition", ["campaign-materials"], []),
                             ("prohibition", ["declaration-attendance"], [])]
    # without the forbidding sentence before it, the same list forbids nothing
    assert clauses("Yaitu:\n1. Memasang baliho calon.\n2. Hadir dalam deklarasi.") == []


def test_sanction_list_takes_the_severity_of_its_lead_in():
    text = "Jenis hukuman disiplin sedang terdiri atas:\na. penurunan pangkat setingkat lebih rendah;\nb. teguran."
    assert clauses(text) == [("sanction", [], [("rank-demotion", "sedang")])]


def test_examples_after_a_forbidding_sentence_are_prohibitions():
    text = ("Surat ini merinci tindakan yang dianggap pelanggaran netralitas.\n"
            "Beberapa contohnya adalah memasang spanduk calon dan menghadiri deklarasi.")
    assert clauses(text) == [("prohibition", ["campaign-materials"], []),
                             ("prohibition", ["declaration-attendance"], [])]


def acts(text):
    return [(c.text, c.categories, c.context) for c in page_clauses(text, 1, SHA, 1)]


@pytest.mark.parametrize("text, expected", [
    # one record per act, cut at the coordination; the head governs the later acts
    ("ASN dilarang memasang baliho calon, menghadiri deklarasi pasangan calon, dan menjadi anggota partai politik.",
     [("ASN dilarang memasang baliho calon", ["campaign-materials"], ""),
      ("menghadiri deklarasi pasangan calon", ["declaration-attendance"], "ASN dilarang"),
      ("menjadi anggota partai politik.", ["party-membership"], "ASN dilarang")]),
    ("PNS tidak boleh ikut kampanye, dan memasang baliho calon, lalu tidak boleh membuat simbol jari.",
     [("PNS tidak boleh ikut kampanye", ["campaign-participation"], ""),
      ("memasang baliho calon", ["campaign-materials"], "PNS tidak boleh"),
      # an act with its own negation needs no head
      ("lalu tidak boleh membuat simbol jari.", ["gestures"], "")]),
    # one act named by two phrases stays one record
    ("ASN dilarang mengikuti kampanye suami/istri calon.",
     [("ASN dilarang mengikuti kampanye suami/istri calon.", ["campaign-participation", "spouse-campaign"], "")]),
    # no coordination between the phrases: one act
    ("ASN dilarang menggunakan fasilitas negara untuk memasang baliho calon.",
     [("ASN dilarang menggunakan fasilitas negara untuk memasang baliho calon.",
       ["state-facilities", "campaign-materials"], "")]),
    # list items keep their lead-in as context, and are cut too
    ("ASN dilarang:\na. memasang spanduk calon serta menghadiri deklarasi;\nb. menjadi tim kampanye.",
     [("a. memasang spanduk calon", ["campaign-materials"], "ASN dilarang:"),
      ("menghadiri deklarasi;", ["declaration-attendance"], "ASN dilarang:"),
      ("b. menjadi tim kampanye.", ["campaign-team"], "ASN dilarang:")]),
])
def test_one_record_per_prohibited_act(text, expected):
    assert acts(text) == expected


def test_act_spans_point_into_the_page():
    text = "Judul.\nASN  dilarang memasang baliho,\tdan menghadiri deklarasi calon."
    got = page_clauses(text, 1, SHA, 1)
    assert [text[c.start:c.end] for c in got] == [c.text for c in got] == [
        "ASN  dilarang memasang baliho", "menghadiri deklarasi calon."]


def test_a_sentence_wide_sanction_applies_to_every_act():
    text = "ASN yang memasang baliho atau menghadiri deklarasi calon dijatuhi hukuman disiplin berat."
    assert clauses(text) == [("prohibition", ["campaign-materials"], [("disciplinary", "berat")]),
                             ("prohibition", ["declaration-attendance"], [("disciplinary", "berat")])]


def test_a_sanction_inside_one_act_is_that_acts():
    text = ("Pendekatan kepada partai politik dikenai hukuman disiplin sedang, sedangkan menjadi anggota "
            "partai politik dijatuhi pemberhentian tidak dengan hormat.")
    assert clauses(text) == [("prohibition", ["party-approach"], [("disciplinary", "sedang")]),
                             ("prohibition", ["party-membership"], [("dismissal-dishonourable", "berat")])]


def test_sanction_line_of_a_violation_table_attaches_to_its_prohibition():
    text = "1. Bentuk pelanggaran: Memasang spanduk bakal calon.\nSanksi: Hukuman disiplin berat."
    got = page_clauses(text, 1, SHA, 1)
    assert got[0].kind == "prohibition"
    assert [(s.type, s.severity) for s in got[0].sanctions] == [("disciplinary", "berat")]
    assert got[1].kind == "sanction"


def test_clause_ids_and_spans():
    text = "Pembukaan.\nASN dilarang memasang baliho."
    (c,) = page_clauses(text, 3, SHA, 7)
    assert c.id == "abababababab-007"
    assert c.page == 3
    assert text[c.start:c.end] == c.text == "ASN dilarang memasang baliho."


def test_obligation():
    assert clauses("Seluruh ASN wajib menjaga netralitas.") == [("obligation", [], [])]


def test_a_sanction_label_after_a_list_is_the_sanction_of_every_item():
    # a violation table read back as text (himpun/ingest/tables.py): the row's sanction cell follows its items
    text = ("1. BENTUK PELANGGARAN: Kegiatan tatap muka:\na) menghadiri deklarasi bakal calon;\nb) ikut kampanye.\n\n"
            "JENIS SANKSI: Hukuman disiplin sedang berupa pemotongan tunjangan kinerja.\n\n"
            "2. BENTUK PELANGGARAN: Menjadi anggota partai politik.\n\n"
            "JENIS SANKSI: Pemberhentian tidak dengan hormat.")
    cut = [("allowance-cut", "sedang")]
    ptdh = [("dismissal-dishonourable", "berat")]
    assert clauses(text) == [("prohibition", ["declaration-attendance"], cut),
                             ("prohibition", ["campaign-participation"], cut),
                             ("sanction", [], cut),
                             ("prohibition", ["party-membership"], ptdh),
                             ("sanction", [], ptdh)]


@pytest.mark.parametrize("text, expected", [
    # a list run into its paragraph after the lead-in's colon: each item is forbidden
    ("Pegawai ASN dilarang: melakukan pendekatan kepada partai politik; ikut kampanye; serta membagikan unggahan "
     "pasangan calon di media sosial. Kegiatan apel dilaksanakan setiap Senin.",
     [("prohibition", ["party-approach"], []), ("prohibition", ["campaign-participation"], []),
      ("prohibition", ["social-media-engagement"], [])]),
    # a colon that leads no ban: its items are topics, not acts
    ("MATERI POKOK: Peraturan ini mengatur kewajiban menjaga netralitas; kampanye pasangan calon; dan sanksi.", []),
])
def test_a_list_run_into_its_sentence(text, expected):
    assert clauses(text) == expected
