<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>ConcordancePanel</name>
    <message>
        <source>Word, phrase or query, e.g. &quot;Camp Liberty&quot;</source>
        <translation>واژه، عبارت یا پرس‌وجو، مثلاً &quot;Camp Liberty&quot; یا &quot;کمپ لیبرتی&quot;</translation>
    </message>
    <message>
        <source>Concordance query</source>
        <translation>پرس‌وجوی واژه‌نما</translation>
    </message>
    <message>
        <source>Every occurrence across the archive is listed with the words around it. Same query language as Search.</source>
        <translation>هر بار که در سراسر آرشیو آمده، با واژه‌های پیرامونش فهرست می‌شود. زبان پرس‌وجو همان زبان جستجوست.</translation>
    </message>
    <message>
        <source>Within the search filters</source>
        <translation>درون فیلترهای جستجو</translation>
    </message>
    <message>
        <source>Only the part of the archive chosen in the Search panel&apos;s filters (type, period, tags).</source>
        <translation>فقط آن بخش از آرشیو که در فیلترهای بخش جستجو برگزیده شده است (نوع، دوره، برچسب‌ها).</translation>
    </message>
    <message>
        <source>Sort lines by</source>
        <translation>مرتب‌سازی سطرها بر پایهٔ</translation>
    </message>
    <message>
        <source>Date and document</source>
        <translation>تاریخ و سند</translation>
    </message>
    <message>
        <source>Word before the hit</source>
        <translation>واژهٔ پیش از یافته</translation>
    </message>
    <message>
        <source>The hit itself</source>
        <translation>خود یافته</translation>
    </message>
    <message>
        <source>Word after the hit</source>
        <translation>واژهٔ پس از یافته</translation>
    </message>
    <message>
        <source>&amp;Sort:</source>
        <translation>&amp;مرتب‌سازی:</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;خروجی CSV…</translation>
    </message>
    <message>
        <source>Save the lines shown as a CSV file</source>
        <translation>ذخیرهٔ سطرهای نمایش‌داده‌شده در یک پروندهٔ CSV</translation>
    </message>
    <message>
        <source>Type a word to see every place it occurs.</source>
        <translation>واژه‌ای بنویسید تا همهٔ جاهایی که آمده است را ببینید.</translation>
    </message>
    <message>
        <source>Concordance status</source>
        <translation>وضعیت واژه‌نما</translation>
    </message>
    <message>
        <source>Show all lines</source>
        <translation>نمایش همهٔ سطرها</translation>
    </message>
    <message>
        <source>Concordance lines</source>
        <translation>سطرهای واژه‌نما</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>شمارش‌ها</translation>
    </message>
    <message>
        <source>Occurrences per document</source>
        <translation>شمار کاربرد در هر سند</translation>
    </message>
    <message>
        <source>Occurrences per year</source>
        <translation>شمار کاربرد در هر سال</translation>
    </message>
    <message>
        <source>Per &amp;document</source>
        <translation>بر پایهٔ &amp;سند</translation>
    </message>
    <message>
        <source>Per &amp;year</source>
        <translation>بر پایهٔ &amp;سال</translation>
    </message>
    <message>
        <source>Activate a row to see only its lines</source>
        <translation>سطری را فعال کنید تا فقط سطرهای آن را ببینید</translation>
    </message>
    <message>
        <source>The search index is still being prepared; the concordance starts when it is ready.</source>
        <translation>نمایهٔ جستجو هنوز در حال آماده شدن است؛ واژه‌نما پس از آماده شدن آن آغاز می‌شود.</translation>
    </message>
    <message>
        <source>Reading the archive…</source>
        <translation>در حال خواندن آرشیو…</translation>
    </message>
    <message>
        <source>The concordance could not be made: %1</source>
        <translation>واژه‌نما ساخته نشد: %1</translation>
    </message>
    <message>
        <source>%1 occurrence</source>
        <translation>%1 مورد</translation>
    </message>
    <message>
        <source>%1 occurrences</source>
        <translation>%1 مورد</translation>
    </message>
    <message>
        <source>in %1 document</source>
        <translation>در %1 سند</translation>
    </message>
    <message>
        <source>in %1 documents</source>
        <translation>در %1 سند</translation>
    </message>
    <message>
        <source>reading %1 of %2 documents…</source>
        <translation>در حال خواندن سند %1 از %2…</translation>
    </message>
    <message>
        <source>No occurrences of “%1”.</source>
        <translation>«%1» در آرشیو نیامده است.</translation>
    </message>
    <message>
        <source>(showing the first %1 lines; the counts are complete)</source>
        <translation>(فقط %1 سطر نخست نمایش داده می‌شود؛ شمارش‌ها کامل است)</translation>
    </message>
    <message>
        <source>Show all lines (now: %1)</source>
        <translation>نمایش همهٔ سطرها (اکنون: %1)</translation>
    </message>
    <message>
        <source>Export concordance</source>
        <translation>خروجی گرفتن از واژه‌نما</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>پرونده‌های CSV (*.csv)</translation>
    </message>
    <message>
        <source>The concordance could not be saved to %1: %2</source>
        <translation>واژه‌نما در %1 ذخیره نشد: %2</translation>
    </message>
    <message>
        <source>%1 lines saved to %2</source>
        <translation>%1 سطر در %2 ذخیره شد</translation>
    </message>
</context>
<context>
    <name>ConcordanceRun</name>
    <message>
        <source>Concordance</source>
        <extracomment>``open_hits(query, filters) -&gt; iterable of DocumentHits`` with ``len()``: the index&apos;s ``occurrences``</extracomment>
        <translation>واژه‌نما</translation>
    </message>
</context>
<context>
    <name>CountsModel</name>
    <message>
        <source>Document</source>
        <translation>سند</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>سال</translation>
    </message>
    <message>
        <source>Occurrences</source>
        <translation>شمار کاربرد</translation>
    </message>
    <message>
        <source>Undated</source>
        <translation>بی‌تاریخ</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Interface language</source>
        <extracomment>the language kept differs from the one the app runs in (a restart applies it)</extracomment>
        <translation>زبان رابط کاربری</translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation>&amp;زبان رابط کاربری:</translation>
    </message>
    <message>
        <source>The app&apos;s own words, the direction of the layout, the digits and the calendar of dates follow the language; the archive&apos;s texts are never translated. A new language applies when the app next starts.</source>
        <translation>واژه‌های خود برنامه، جهت چیدمان، رقم‌ها و تقویم تاریخ‌ها از زبان پیروی می‌کنند؛ متن‌های آرشیو هرگز ترجمه نمی‌شوند. زبان تازه از اجرای بعدی برنامه به کار می‌رود.</translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <source>Document</source>
        <translation>سند</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>In context</source>
        <translation>در بافت متن</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>صفحهٔ %1</translation>
    </message>
    <message>
        <source>Occurrence of “%1” in %2</source>
        <translation>کاربرد «%1» در %2</translation>
    </message>
</context>
<context>
    <name>SimilarItems</name>
    <message>
        <source>Similar items (by shared words)</source>
        <extracomment>the hit activated: ``Hit`` (its ``kind`` says item or event; ``item_id`` the item to open) the list was filled for an item (tests and the keyboard test wait on it): its id</extracomment>
        <translation>موارد مشابه (بر پایهٔ واژه‌های مشترک)</translation>
    </message>
    <message>
        <source>Show or hide the items most like this one</source>
        <translation>نمایش یا پنهان کردن مواردی که بیش از همه به این مورد شبیه‌اند</translation>
    </message>
    <message>
        <source>Similar items</source>
        <translation>موارد مشابه</translation>
    </message>
    <message>
        <source>Items and events of the archive whose words are most like this item&apos;s; Enter opens one</source>
        <translation>موارد و رویدادهایی از آرشیو که واژه‌هایشان بیش از همه به واژه‌های این مورد شبیه است؛ با Enter باز می‌شوند</translation>
    </message>
    <message>
        <source>Looking for similar items…</source>
        <translation>در حال یافتن موارد مشابه…</translation>
    </message>
    <message>
        <source>No other item shares enough words with this one.</source>
        <translation>هیچ مورد دیگری واژه‌های مشترک کافی با این مورد ندارد.</translation>
    </message>
    <message>
        <source>Similar items could not be found (the search index is not ready).</source>
        <translation>موارد مشابه یافت نشد (نمایهٔ جستجو آماده نیست).</translation>
    </message>
</context>
<context>
    <name>TimelineAccessible</name>
    <message>
        <source>the sources give different dates</source>
        <translation>منابع تاریخ‌های متفاوتی می‌دهند</translation>
    </message>
</context>
<context>
    <name>page</name>
    <message>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <source>The interface will be in %1 when the app next starts. Restart now?</source>
        <translation>رابط کاربری از اجرای بعدی برنامه به زبان %1 خواهد بود. اکنون دوباره راه‌اندازی شود؟</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>راه‌اندازی دوباره</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>بعداً</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Ne&amp;xt panel</source>
        <translation>بخش &amp;بعدی</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the next panel</source>
        <translation>بردن فوکوس صفحه‌کلید به بخش بعدی</translation>
    </message>
    <message>
        <source>Pre&amp;vious panel</source>
        <translation>بخش &amp;قبلی</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the previous panel</source>
        <translation>بردن فوکوس صفحه‌کلید به بخش قبلی</translation>
    </message>
</context>
</TS>
