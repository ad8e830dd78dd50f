<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>AnnotationController</name>
    <message>
        <source>Annotations are unavailable.</source>
        <extracomment>file dialog filter -&gt; format annotations of these (collection id, item id) pairs changed; None: anything may have changed a message for the user (also shown in the status bar) the search index caught up with the annotations (the UpdateReport) an annotation was made or chosen: the panel selects it (and focuses its note when asked)</extracomment>
        <translation>حاشیه‌نویسی‌ها در دسترس نیستند.</translation>
    </message>
    <message>
        <source>The annotation was not %1: %2</source>
        <translation>حاشیه‌نویسی %1 نشد: %2</translation>
    </message>
    <message>
        <source>Not %1: the annotation was changed in another window meanwhile.</source>
        <translation>%1 نشد: حاشیه‌نویسی در این میان در پنجرهٔ دیگری تغییر کرده بود.</translation>
    </message>
    <message>
        <source>read</source>
        <translation>خوانده</translation>
    </message>
    <message>
        <source>%1 annotation of this document could no longer be placed in its text; it is kept and listed as orphaned.</source>
        <translation>%1 حاشیه‌نویسی این سند دیگر در متن آن جای نگرفت؛ نگه داشته شده و در فهرست بی‌جاها آمده است.</translation>
    </message>
    <message>
        <source>%1 annotations of this document could no longer be placed in their text; they are kept and listed as orphaned.</source>
        <translation>%1 حاشیه‌نویسی این سند دیگر در متن آن جای نگرفتند؛ نگه داشته شده‌اند و در فهرست بی‌جاها آمده‌اند.</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>تغییر داده</translation>
    </message>
    <message>
        <source>Tip: set your name in Edit ▸ Preferences… to sign your annotations.</source>
        <translation>نکته: برای امضای حاشیه‌نویسی‌هایتان، نام خود را در ویرایش ▸ ترجیحات… وارد کنید.</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 بر %2</translation>
    </message>
    <message>
        <source>%1 saved.</source>
        <translation>%1 ذخیره شد.</translation>
    </message>
    <message>
        <source>Edit annotation</source>
        <translation>ویرایش حاشیه‌نویسی</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Delete annotation</source>
        <translation>حذف حاشیه‌نویسی</translation>
    </message>
    <message>
        <source>Annotation deleted (Edit ▸ Undo brings it back).</source>
        <translation>حاشیه‌نویسی حذف شد (ویرایش ▸ واگرد آن را برمی‌گرداند).</translation>
    </message>
    <message>
        <source>Export annotations</source>
        <translation>خروجی گرفتن از حاشیه‌نویسی‌ها</translation>
    </message>
    <message>
        <source>The annotations were not exported: %1</source>
        <translation>از حاشیه‌نویسی‌ها خروجی گرفته نشد: %1</translation>
    </message>
    <message>
        <source>Annotations exported to %1</source>
        <translation>حاشیه‌نویسی‌ها در %1 ذخیره شدند</translation>
    </message>
    <message>
        <source>Import annotations</source>
        <translation>وارد کردن حاشیه‌نویسی‌ها</translation>
    </message>
    <message>
        <source>W3C Web Annotation JSON-LD (*.jsonld *.json);;All files (*)</source>
        <translation>حاشیه‌نویسی وب W3C در قالب JSON-LD (*.jsonld *.json);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>پرونده خوانده نشد: %1</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>وارد</translation>
    </message>
    <message>
        <source>Import: %1</source>
        <translation>وارد کردن: %1</translation>
    </message>
    <message>
        <source>There is no backup of the annotations yet (one is made each day the app starts).</source>
        <translation>هنوز پشتیبانی از حاشیه‌نویسی‌ها گرفته نشده است (هر روز که برنامه اجرا شود یکی گرفته می‌شود).</translation>
    </message>
    <message>
        <source>Restore annotations</source>
        <translation>بازگردانی حاشیه‌نویسی‌ها</translation>
    </message>
    <message>
        <source>Replace the annotations with this copy (the current state is saved as a copy first):</source>
        <translation>حاشیه‌نویسی‌ها با این نسخه جایگزین شوند (وضعیت کنونی پیش از آن به صورت نسخه‌ای ذخیره می‌شود):</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>بازگردانده</translation>
    </message>
    <message>
        <source>Annotations restored from %1; the state before is kept as %2.</source>
        <translation>حاشیه‌نویسی‌ها از %1 بازگردانده شدند؛ وضعیت پیشین به نام %2 نگه داشته شده است.</translation>
    </message>
    <message>
        <source>The daily backup of the annotations failed: %1</source>
        <translation>پشتیبان‌گیری روزانه از حاشیه‌نویسی‌ها انجام نشد: %1</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <source>Annotations to show</source>
        <translation>حاشیه‌نویسی‌هایی که نمایش داده شوند</translation>
    </message>
    <message>
        <source>from YYYY-MM-DD</source>
        <translation>از YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Created from (YYYY-MM-DD)</source>
        <translation>ساخته‌شده از (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>to YYYY-MM-DD</source>
        <translation>تا YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Created until (YYYY-MM-DD)</source>
        <translation>ساخته‌شده تا (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>تاریخ ساخت</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>حاشیه‌نویسی‌ها</translation>
    </message>
    <message>
        <source>The selected annotation</source>
        <translation>حاشیه‌نویسی برگزیده</translation>
    </message>
    <message>
        <source>Highlight colour</source>
        <translation>رنگ برجسته‌سازی</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>یادداشت</translation>
    </message>
    <message>
        <source>Markdown; link another item with [label](item:item-id). Tab moves on.</source>
        <translation>با نشانه‌گذاری Markdown؛ پیوند به مورد دیگر با [عنوان](item:item-id). کلید Tab به خانهٔ بعدی می‌رود.</translation>
    </message>
    <message>
        <source>Note (Markdown; link another item with [label](item:item-id))</source>
        <translation>یادداشت (Markdown؛ پیوند به مورد دیگر با [عنوان](item:item-id))</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>برچسب‌ها، جداشده با ویرگول</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>No annotation matches these filters.</source>
        <translation>هیچ حاشیه‌نویسی با این فیلترها جور نیست.</translation>
    </message>
    <message>
        <source>No annotations in this archive yet.</source>
        <translation>هنوز در این آرشیو حاشیه‌نویسی‌ای نیست.</translation>
    </message>
    <message>
        <source>No orphaned annotations: every passage was found in its document.</source>
        <translation>حاشیه‌نویسی بی‌جایی نیست: هر بخش متن در سند خود یافت شد.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>ذخیره شد.</translation>
    </message>
    <message>
        <source>Link (not opened): %1</source>
        <translation>پیوند (باز نشد): %1</translation>
    </message>
</context>
<context>
    <name>AppViews</name>
    <message>
        <source>&amp;Facts the sources state</source>
        <extracomment>the user&apos;s saved searches (user data: core/saved_searches.py)</extracomment>
        <translation>&amp;گزاره‌های منابع</translation>
    </message>
    <message>
        <source>Every fact with each source&apos;s value; where the sources disagree</source>
        <translation>هر گزاره با مقداری که هر منبع می‌دهد؛ و جاهایی که منابع با هم اختلاف دارند</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>&amp;کتابخانه</translation>
    </message>
    <message>
        <source>Every item in a table: sort, filter, describe or export many at once; saved searches</source>
        <translation>همهٔ موارد در یک جدول: مرتب‌سازی، فیلتر، توصیف یا خروجی گرفتن از چند مورد با هم؛ جستجوهای ذخیره‌شده</translation>
    </message>
    <message>
        <source>Save the current &amp;search…</source>
        <translation>ذخیرهٔ &amp;جستجوی کنونی…</translation>
    </message>
    <message>
        <source>Keep the query and its filters under a name (View ▸ Library lists them)</source>
        <translation>نگه داشتن پرس‌وجو و فیلترهای آن با یک نام (نما ▸ کتابخانه فهرستشان می‌کند)</translation>
    </message>
    <message>
        <source>Search first (type a query or tick a filter), then save the search.</source>
        <translation>نخست جستجو کنید (پرس‌وجویی بنویسید یا فیلتری را برگزینید)، سپس جستجو را ذخیره کنید.</translation>
    </message>
    <message>
        <source>Save the search</source>
        <translation>ذخیرهٔ جستجو</translation>
    </message>
    <message>
        <source>Name of this search:</source>
        <translation>نام این جستجو:</translation>
    </message>
    <message>
        <source>The search was not saved: %1</source>
        <translation>جستجو ذخیره نشد: %1</translation>
    </message>
    <message>
        <source>Saved the search “%1”: View ▸ Library lists it.</source>
        <translation>جستجوی «%1» ذخیره شد: نما ▸ کتابخانه آن را فهرست می‌کند.</translation>
    </message>
</context>
<context>
    <name>ArchiveLoader</name>
    <message>
        <source>Open archive folder</source>
        <translation>باز کردن پوشهٔ آرشیو</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>در حال باز کردن %1…</translation>
    </message>
    <message>
        <source>The archive could not be opened: %1</source>
        <translation>آرشیو باز نشد: %1</translation>
    </message>
    <message>
        <source>Not an archive folder: %1</source>
        <translation>این پوشه آرشیو نیست: %1</translation>
    </message>
    <message>
        <source>The archive could not be reloaded: %1</source>
        <translation>آرشیو دوباره بارگذاری نشد: %1</translation>
    </message>
</context>
<context>
    <name>AuthorPage</name>
    <message>
        <source>Your name, as readers of shared annotations should see it</source>
        <translation>نام شما، آن‌گونه که خوانندگان حاشیه‌نویسی‌های مشترک باید ببینند</translation>
    </message>
    <message>
        <source>New highlights, notes and regions are signed with this name. It is kept with them when annotations are exported or shared with a team.</source>
        <translation>برجسته‌سازی‌ها، یادداشت‌ها و ناحیه‌های تازه با این نام امضا می‌شوند. این نام هنگام خروجی گرفتن از حاشیه‌نویسی‌ها یا هم‌رسانی آن‌ها با گروه همراهشان می‌ماند.</translation>
    </message>
    <message>
        <source>Author name:</source>
        <translation>نام نویسنده:</translation>
    </message>
</context>
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
    <name>ConflictsDialog</name>
    <message>
        <source>Conflicts</source>
        <translation>تعارض‌ها</translation>
    </message>
    <message>
        <source>Annotations changed on two sides</source>
        <translation>حاشیه‌نویسی‌هایی که در دو سو تغییر کرده‌اند</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>فیلد</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>مقدار</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>نوشتهٔ</translation>
    </message>
    <message>
        <source>The fields in conflict, each side&apos;s value</source>
        <translation>فیلدهای دارای تعارض، با مقدار هر سو</translation>
    </message>
    <message>
        <source>Use this value</source>
        <translation>به کار بردن این مقدار</translation>
    </message>
    <message>
        <source>Keep as my own annotation</source>
        <translation>نگه داشتن به‌عنوان حاشیه‌نویسی خودم</translation>
    </message>
    <message>
        <source>Discard my change</source>
        <translation>کنار گذاشتن تغییر من</translation>
    </message>
    <message>
        <source>No conflicts: every change has been merged.</source>
        <translation>تعارضی نیست: همهٔ تغییرها یکی شده‌اند.</translation>
    </message>
    <message>
        <source>Two people changed the same field of this annotation (owner: %1). Both values are kept; choose one per field.</source>
        <translation>دو نفر یک فیلد از این حاشیه‌نویسی را تغییر داده‌اند (دارنده: %1). هر دو مقدار نگه داشته شده‌اند؛ برای هر فیلد یکی را برگزینید.</translation>
    </message>
    <message>
        <source>current</source>
        <translation>کنونی</translation>
    </message>
    <message>
        <source>alternative</source>
        <translation>جایگزین</translation>
    </message>
</context>
<context>
    <name>ConnectionTest</name>
    <message>
        <source>Connected, but: %1.</source>
        <translation>وصل شد، اما: %1.</translation>
    </message>
    <message>
        <source>Not connected: %1.</source>
        <translation>وصل نشد: %1.</translation>
    </message>
    <message>
        <source>an editor (may change anyone&apos;s annotations)</source>
        <translation>ویراستار (می‌تواند حاشیه‌نویسی‌های هر کسی را تغییر دهد)</translation>
    </message>
    <message>
        <source>an archivist</source>
        <translation>آرشیودار</translation>
    </message>
    <message>
        <source>Connected: %1 is %2 of the team in %3.</source>
        <translation>وصل شد: %1 %2 گروه در %3 است.</translation>
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
    <name>DetailsPane</name>
    <message>
        <source>Event details</source>
        <translation>جزئیات رویداد</translation>
    </message>
</context>
<context>
    <name>Docks</name>
    <message>
        <source>Bring the %1 panel forward, with the keyboard focus</source>
        <extracomment>3: the layout that fits 1280×720 (older saved layouts, which may not, are dropped once) a panel reserved at start was built (its name) the layout is the starting one, which grows and shrinks with the window (a maximised first start gives the timeline half the height); False once the user moves a panel&apos;s edge, or restored one</extracomment>
        <translation>آوردن بخش %1 به پیش، با فوکوس صفحه‌کلید</translation>
    </message>
</context>
<context>
    <name>FactsPage</name>
    <message>
        <source>Facts the sources state</source>
        <extracomment>the one facts tab (a fact to show goes in ``quote``: ``Location(&quot;facts&quot;, &quot;facts&quot;, quote=fact_id)``)</extracomment>
        <translation>گزاره‌های منابع</translation>
    </message>
    <message>
        <source>Only where the sources disagree</source>
        <translation>فقط جاهایی که منابع اختلاف دارند</translation>
    </message>
    <message>
        <source>%1 of %2 disputed</source>
        <translation>%1 از %2 مورد اختلاف</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in document</source>
        <translation>یافتن در سند</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>یافتهٔ قبلی (Shift+F3)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>یافتهٔ قبلی</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>یافتهٔ بعدی (F3)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>یافتهٔ بعدی</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>بستن (Esc)</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>بستن نوار یافتن</translation>
    </message>
</context>
<context>
    <name>FixityReportDialog</name>
    <message>
        <source>Verify archive</source>
        <extracomment>the quick check starts this long after the window first shows (after the search index has started)</extracomment>
        <translation>وارسی آرشیو</translation>
    </message>
    <message>
        <source>Files checked, with what was found</source>
        <translation>پرونده‌های وارسی‌شده، با آنچه یافت شد</translation>
    </message>
    <message>
        <source>Verify again (full check)</source>
        <translation>وارسی دوباره (کامل)</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>رونوشت گزارش</translation>
    </message>
    <message>
        <source>&lt;b style=&quot;color:%1&quot;&gt;%2&lt;/b&gt;</source>
        <translation>&lt;b style=&quot;color:%1&quot;&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>A changed file no longer has the SHA-256 its description records: it was edited, damaged or replaced. A missing file was moved or deleted. An unexpected file lies among the items without a description. Restore the file from a backup, or re-import it. Double-click a row to open its item.</source>
        <translation>پروندهٔ تغییریافته دیگر آن SHA-256 را که در توصیفش ثبت شده ندارد: ویرایش، آسیب‌دیده یا جایگزین شده است. پروندهٔ ناپیدا جابه‌جا یا حذف شده است. پروندهٔ ناخواسته بی‌توصیف میان موارد آمده است. پرونده را از پشتیبان بازگردانید یا دوباره وارد کنید. برای باز کردن مورد هر سطر روی آن دوبار کلیک کنید.</translation>
    </message>
    <message>
        <source>The check was cancelled; the files after that point were not checked.</source>
        <translation>وارسی لغو شد؛ پرونده‌های پس از آن نقطه وارسی نشدند.</translation>
    </message>
    <message>
        <source>Every held file matches the SHA-256 recorded when it entered the archive (%1).</source>
        <translation>هر پروندهٔ نگه‌داشته با SHA-256 ثبت‌شده هنگام ورودش به آرشیو یکی است (%1).</translation>
    </message>
    <message>
        <source>Verify archive — </source>
        <translation>وارسی آرشیو — </translation>
    </message>
    <message>
        <source>all files as described</source>
        <translation>همهٔ پرونده‌ها مطابق توصیف</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>لغو شد</translation>
    </message>
</context>
<context>
    <name>GalleryPanel</name>
    <message>
        <source>Show all</source>
        <extracomment>pixmaps kept in memory: this many screens&apos; worth around the visible one (see GalleryModel.set_cache_window) the quarter turns the user gave photos by hand (user data; the lightbox turns them) set True by whoever connects ``add_photos_requested`` to a real import (the import issue)</extracomment>
        <translation>نمایش همه</translation>
    </message>
    <message>
        <source>Sort photos by</source>
        <translation>مرتب‌سازی عکس‌ها بر پایهٔ</translation>
    </message>
    <message>
        <source>Show only photos with this tag</source>
        <translation>فقط عکس‌های دارای این برچسب</translation>
    </message>
    <message>
        <source>Thumbnail size (Ctrl+wheel over the photos)</source>
        <translation>اندازهٔ تصویرک (Ctrl+چرخ ماوس روی عکس‌ها)</translation>
    </message>
    <message>
        <source>Thumbnail size</source>
        <translation>اندازهٔ تصویرک</translation>
    </message>
    <message>
        <source>Files that cannot be shown, and why</source>
        <translation>پرونده‌هایی که نمایش داده نمی‌شوند، و چرا</translation>
    </message>
    <message>
        <source>Photos that cannot be shown</source>
        <translation>عکس‌هایی که نمایش داده نمی‌شوند</translation>
    </message>
    <message>
        <source>Sort:</source>
        <translation>مرتب‌سازی:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>اندازه:</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>عکس‌ها</translation>
    </message>
    <message>
        <source>Arrow keys move among the photos; Enter opens one in the lightbox</source>
        <translation>کلیدهای جهت میان عکس‌ها جابه‌جا می‌شوند؛ Enter عکس را در نمایشگر عکس باز می‌کند</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>افزودن عکس…</translation>
    </message>
    <message>
        <source>Importing photos comes with the import feature; until then use --archive</source>
        <translation>وارد کردن عکس با قابلیت وارد کردن می‌آید؛ تا آن زمان از --archive استفاده کنید</translation>
    </message>
    <message>
        <source>Show all photos</source>
        <translation>نمایش همهٔ عکس‌ها</translation>
    </message>
    <message>
        <source>File</source>
        <translation>پرونده</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>مشکل</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>مورد</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>همهٔ برچسب‌ها</translation>
    </message>
    <message>
        <source>No photos</source>
        <translation>عکسی نیست</translation>
    </message>
    <message>
        <source>%1 photo</source>
        <translation>%1 عکس</translation>
    </message>
    <message>
        <source>%1 photos</source>
        <translation>%1 عکس</translation>
    </message>
    <message>
        <source>%1 of %2 photos</source>
        <translation>%1 از %2 عکس</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>مشکل‌ها (%1)</translation>
    </message>
    <message>
        <source>Notes (%1)</source>
        <translation>یادداشت‌ها (%1)</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>مشکل‌ها</translation>
    </message>
    <message>
        <source>Importing photos is not available yet. Start the app with --archive FOLDER to open an archive that holds photos.</source>
        <translation>وارد کردن عکس هنوز در دسترس نیست. برای باز کردن آرشیوی که عکس دارد، برنامه را با --archive و نام پوشه اجرا کنید.</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Import files into the archive</source>
        <extracomment>the most often the window reloads the archive while an import adds items the file dialog&apos;s filter: what the import reads (anything else is reported, not refused silently) an import started (its Job) an import ended (its ImportReport), after the window shows the new items metadata were saved for these item ids, and the window shows them</extracomment>
        <translation>وارد کردن پرونده‌ها به آرشیو</translation>
    </message>
    <message>
        <source>Import a folder (or a BagIt bag) into the archive</source>
        <translation>وارد کردن یک پوشه (یا یک بستهٔ BagIt) به آرشیو</translation>
    </message>
    <message>
        <source>An import is already running: wait for its report, or cancel it (Cancel in the status bar), then import again.</source>
        <translation>یک ورود هم‌اکنون در جریان است: منتظر گزارش آن بمانید یا لغوش کنید (لغو در نوار وضعیت)، سپس دوباره وارد کنید.</translation>
    </message>
    <message>
        <source>Nothing was imported: the folder for imported items cannot be created (%1).</source>
        <translation>چیزی وارد نشد: پوشهٔ موارد واردشده ساخته نمی‌شود (%1).</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 مورد</translation>
    </message>
    <message>
        <source>Importing bag</source>
        <translation>در حال وارد کردن بسته</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>در حال وارد کردن</translation>
    </message>
    <message>
        <source>, reading scanned pages (%1)</source>
        <translation>، با خواندن صفحه‌های اسکن‌شده (%1)</translation>
    </message>
    <message>
        <source>Importing %1%2…</source>
        <translation>در حال وارد کردن %1%2…</translation>
    </message>
    <message>
        <source>There is nothing to retry.</source>
        <translation>چیزی برای تلاش دوباره نیست.</translation>
    </message>
    <message>
        <source>Import: %1</source>
        <translation>وارد کردن: %1</translation>
    </message>
    <message>
        <source>Select one or more items first (in the search results or the gallery), or open one.</source>
        <translation>نخست یک یا چند مورد را برگزینید (در نتیجه‌های جستجو یا گالری)، یا یکی را باز کنید.</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Import report</source>
        <translation>گزارش ورود</translation>
    </message>
    <message>
        <source>Double-click an added file to open its item.</source>
        <translation>برای باز کردن مورد هر پروندهٔ افزوده روی آن دوبار کلیک کنید.</translation>
    </message>
    <message>
        <source>Files imported, with what became of each</source>
        <translation>پرونده‌های واردشده، با سرانجام هر یک</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>تلاش دوباره برای ناموفق‌ها</translation>
    </message>
    <message>
        <source>Import the failed files (and those a cancel left out) again</source>
        <translation>وارد کردن دوبارهٔ پرونده‌های ناموفق (و آن‌هایی که لغو جا انداخت)</translation>
    </message>
    <message>
        <source>Edit metadata of added…</source>
        <translation>ویرایش فرادادهٔ افزوده‌ها…</translation>
    </message>
    <message>
        <source>Describe the new items (title, creator, date, …) all at once</source>
        <translation>توصیف موارد تازه (عنوان، پدیدآورنده، تاریخ، …) همه با هم</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>رونوشت گزارش</translation>
    </message>
    <message>
        <source>Copy the report as plain text</source>
        <translation>رونوشت گزارش به صورت متن ساده</translation>
    </message>
    <message>
        <source>Retry failed (%1)</source>
        <translation>تلاش دوباره برای ناموفق‌ها (%1)</translation>
    </message>
    <message>
        <source>Edit metadata of added (%1)…</source>
        <translation>ویرایش فرادادهٔ افزوده‌ها (%1)…</translation>
    </message>
    <message>
        <source>Import report — %1</source>
        <translation>گزارش ورود — %1</translation>
    </message>
    <message>
        <source>%1 was not imported: %2</source>
        <translation>%1 وارد نشد: %2</translation>
    </message>
    <message>
        <source>The import report was copied.</source>
        <translation>از گزارش ورود رونوشت گرفته شد.</translation>
    </message>
</context>
<context>
    <name>IndexService</name>
    <message>
        <source>Preparing the search index…</source>
        <extracomment>``opener(archive, dirs, progress) -&gt; (SearchIndex, TextCache)``: runs on a worker (tests give their own) message, done, total (0 = unknown) while the index opens or builds the index is open (the SearchIndex) with its text cache; emitted again after another archive opens the index could not be opened: a plain-words message for the search panel something the user should read once in the status bar (the index was rebuilt, was damaged, ...) the index now holds items it did not before (a catch-up ended): the current search runs again</extracomment>
        <translation>در حال آماده‌سازی نمایهٔ جستجو…</translation>
    </message>
    <message>
        <source>The search index could not be opened: %1. Documents can still be opened from the timeline and links.</source>
        <translation>نمایهٔ جستجو باز نشد: %1. اسناد را همچنان می‌توان از خط زمان و پیوندها باز کرد.</translation>
    </message>
    <message>
        <source>The search index was not brought up to date: %1</source>
        <translation>نمایهٔ جستجو به‌روز نشد: %1</translation>
    </message>
</context>
<context>
    <name>InfoPage</name>
    <message>
        <source>Description</source>
        <translation>توصیف</translation>
    </message>
    <message>
        <source>External link (not opened): %1</source>
        <translation>پیوند بیرونی (باز نشد): %1</translation>
    </message>
</context>
<context>
    <name>IntegrityController</name>
    <message>
        <source>Archive check</source>
        <extracomment>the quick check at start finished (its FixityReport) a full check finished (its FixityReport) an export finished (the Path written)</extracomment>
        <translation>وارسی آرشیو</translation>
    </message>
    <message>
        <source>Files of the archive that changed or went missing; opens the report</source>
        <translation>پرونده‌هایی از آرشیو که تغییر کرده یا ناپیدا شده‌اند؛ گزارش را باز می‌کند</translation>
    </message>
    <message>
        <source>A check or an export is already running.</source>
        <translation>یک وارسی یا خروجی‌گیری هم‌اکنون در جریان است.</translation>
    </message>
    <message>
        <source>Verify: %1</source>
        <translation>وارسی: %1</translation>
    </message>
    <message>
        <source>The check could not run: %1</source>
        <translation>وارسی اجرا نشد: %1</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>در حال وارسی</translation>
    </message>
    <message>
        <source>Some files of the archive are not as they were described. Click for the report.</source>
        <translation>برخی پرونده‌های آرشیو آن‌گونه که توصیف شده‌اند نیستند. برای دیدن گزارش کلیک کنید.</translation>
    </message>
    <message>
        <source>All %1 items</source>
        <translation>همهٔ %1 مورد</translation>
    </message>
    <message>
        <source>The %1 selected</source>
        <translation>%1 مورد برگزیده</translation>
    </message>
    <message>
        <source>Export a BagIt bag into this folder</source>
        <translation>خروجی بستهٔ BagIt در این پوشه</translation>
    </message>
    <message>
        <source>The BagIt bag of %1 item was written to</source>
        <translation>بستهٔ BagIt با %1 مورد نوشته شد در</translation>
    </message>
    <message>
        <source>The BagIt bag of %1 items was written to</source>
        <translation>بستهٔ BagIt با %1 مورد نوشته شد در</translation>
    </message>
    <message>
        <source>Exporting bag</source>
        <translation>در حال خروجی گرفتن بسته</translation>
    </message>
    <message>
        <source>Export item metadata as Dublin Core %1</source>
        <translation>خروجی فرادادهٔ موارد به صورت Dublin Core %1</translation>
    </message>
    <message>
        <source>The Dublin Core %1 of %2 item was written to</source>
        <translation>Dublin Core %1 با %2 مورد نوشته شد در</translation>
    </message>
    <message>
        <source>The Dublin Core %1 of %2 items was written to</source>
        <translation>Dublin Core %1 با %2 مورد نوشته شد در</translation>
    </message>
    <message>
        <source>Exporting %1</source>
        <translation>در حال خروجی گرفتن %1</translation>
    </message>
    <message>
        <source>The export was cancelled: %1</source>
        <translation>خروجی‌گیری لغو شد: %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>خروجی‌گیری انجام نشد</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>خروجی‌گیری پایان یافت</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>باز کردن پوشه</translation>
    </message>
</context>
<context>
    <name>JobStatus</name>
    <message>
        <source>Cancel</source>
        <extracomment>the most progress signals per second a job sends to the GUI (a folder of small files reports per file) done, total (0 = unknown), the file being worked on an item was committed (its id): the window shows it before the job ends the user asked to stop</extracomment>
        <translation>لغو</translation>
    </message>
    <message>
        <source>Stop: %1 ends after the current file</source>
        <translation>توقف: %1 پس از پروندهٔ کنونی پایان می‌یابد</translation>
    </message>
    <message>
        <source>%1: stopping after the current file…</source>
        <translation>%1: توقف پس از پروندهٔ کنونی…</translation>
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
    <name>LegendWidget</name>
    <message>
        <source>Legend</source>
        <translation>راهنما</translation>
    </message>
    <message>
        <source>&lt;b&gt;How dates are drawn&lt;/b&gt;</source>
        <translation>&lt;b&gt;تاریخ‌ها چگونه کشیده می‌شوند&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>Filter by title</source>
        <translation>فیلتر بر پایهٔ عنوان</translation>
    </message>
    <message>
        <source>Filter the library by title</source>
        <translation>فیلتر کتابخانه بر پایهٔ عنوان</translation>
    </message>
    <message>
        <source>Kind of item</source>
        <translation>گونهٔ مورد</translation>
    </message>
    <message>
        <source>Library: every item of the archive</source>
        <translation>کتابخانه: همهٔ موارد آرشیو</translation>
    </message>
    <message>
        <source>&lt;b&gt;Saved searches&lt;/b&gt;</source>
        <translation>&lt;b&gt;جستجوهای ذخیره‌شده&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Saved searches: click one to run it</source>
        <translation>جستجوهای ذخیره‌شده: برای اجرای هر یک رویش کلیک کنید</translation>
    </message>
    <message>
        <source>Save the current search…</source>
        <translation>ذخیرهٔ جستجوی کنونی…</translation>
    </message>
    <message>
        <source>Keep the search panel&apos;s query and filters under a name</source>
        <translation>نگه داشتن پرس‌وجو و فیلترهای بخش جستجو با یک نام</translation>
    </message>
    <message>
        <source>Listing…</source>
        <translation>در حال فهرست کردن…</translation>
    </message>
    <message>
        <source>%1 item</source>
        <translation>%1 مورد</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 مورد</translation>
    </message>
    <message>
        <source>The library could not be listed</source>
        <translation>کتابخانه فهرست نشد</translation>
    </message>
    <message>
        <source>The library could not be listed: %1</source>
        <translation>کتابخانه فهرست نشد: %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز کردن</translation>
    </message>
    <message>
        <source>Open %1 items</source>
        <translation>باز کردن %1 مورد</translation>
    </message>
    <message>
        <source>Edit metadata…</source>
        <translation>ویرایش فراداده…</translation>
    </message>
    <message>
        <source>Edit metadata of %1 items…</source>
        <translation>ویرایش فرادادهٔ %1 مورد…</translation>
    </message>
    <message>
        <source>Export as a BagIt bag…</source>
        <translation>خروجی به صورت بستهٔ BagIt…</translation>
    </message>
    <message>
        <source>Export %1 items as a BagIt bag…</source>
        <translation>خروجی %1 مورد به صورت بستهٔ BagIt…</translation>
    </message>
    <message>
        <source>None yet. Search, then save the search with the button below.</source>
        <translation>هنوز هیچ. جستجو کنید، سپس جستجو را با دکمهٔ زیر ذخیره کنید.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>اجرا</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
</context>
<context>
    <name>Lightbox</name>
    <message>
        <source>Photo</source>
        <extracomment>Decode the full-resolution image right after the screen-resolution one up to this size. a photo smaller than the view is shown at this share of the view, at most this many times its size in region mode, a rectangle was dragged: x, y, w, h as fractions (0..1) of the image regions drawn over the image: (id, QRectF in fractions of the upright image, colour, label) a region was drawn on the photo: item id, (x, y, w, h) fractions of the image the user turned a photo by hand: item id, degrees clockwise now (the gallery&apos;s thumbnail follows)</extracomment>
        <translation>عکس</translation>
    </message>
    <message>
        <source>Arrow keys: previous and next photo; + and -: zoom; R: mark a region</source>
        <translation>کلیدهای جهت: عکس قبلی و بعدی؛ + و -: بزرگ‌نمایی و کوچک‌نمایی؛ R: نشان کردن یک ناحیه</translation>
    </message>
    <message>
        <source>About this photo</source>
        <translation>دربارهٔ این عکس</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ قبلی</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>بعدی ▶</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>اندازهٔ پنجره</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>بزرگ‌نمایی</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>کوچک‌نمایی</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>تمام‌صفحه</translation>
    </message>
    <message>
        <source>Slideshow</source>
        <translation>نمایش پی‌درپی</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>جزئیات</translation>
    </message>
    <message>
        <source>Turn the photo left ([ or Ctrl+L): kept for you, the file is not changed</source>
        <translation>چرخاندن عکس به چپ ([ یا Ctrl+L): برای شما نگه داشته می‌شود، پرونده تغییر نمی‌کند</translation>
    </message>
    <message>
        <source>Turn the photo right (] or Ctrl+R): kept for you, the file is not changed</source>
        <translation>چرخاندن عکس به راست (] یا Ctrl+R): برای شما نگه داشته می‌شود، پرونده تغییر نمی‌کند</translation>
    </message>
    <message>
        <source>Turn the photo left</source>
        <translation>چرخاندن عکس به چپ</translation>
    </message>
    <message>
        <source>Turn the photo right</source>
        <translation>چرخاندن عکس به راست</translation>
    </message>
    <message>
        <source>Mark region</source>
        <translation>نشان کردن ناحیه</translation>
    </message>
    <message>
        <source>Drag a rectangle on the photo to annotate that region (R)</source>
        <translation>برای حاشیه‌نویسی یک ناحیه، مستطیلی روی عکس بکشید (R)</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>صفحه</translation>
    </message>
    <message>
        <source>No photos to show.</source>
        <translation>عکسی برای نمایش نیست.</translation>
    </message>
    <message>
        <source>  %1 of %2</source>
        <translation>  %1 از %2</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>در حال بارگذاری…</translation>
    </message>
    <message>
        <source>This file cannot be shown.

%1</source>
        <translation>این پرونده نمایش داده نمی‌شود.

%1</translation>
    </message>
    <message>
        <source> Page (of %1) </source>
        <translation> صفحه (از %1) </translation>
    </message>
    <message>
        <source> (fit)</source>
        <translation> (اندازهٔ پنجره)</translation>
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
    <name>MailPage</name>
    <message>
        <source> and %1 more</source>
        <translation> و %1 پیوست دیگر</translation>
    </message>
    <message>
        <source>Attachments: %1%2</source>
        <translation>پیوست‌ها: %1%2</translation>
    </message>
    <message>
        <source>Each attachment is an item of its own: open it</source>
        <translation>هر پیوست خود موردی جداست: بازش کنید</translation>
    </message>
    <message>
        <source>No attachments kept (see the message&apos;s text for any it names)</source>
        <translation>پیوستی نگه داشته نشده است (پیوست‌هایی را که پیام نام می‌برد در متن آن ببینید)</translation>
    </message>
</context>
<context>
    <name>MetadataDialog</name>
    <message>
        <source>Describe “%1”</source>
        <translation>توصیف «%1»</translation>
    </message>
    <message>
        <source>Describe %1 items</source>
        <translation>توصیف %1 مورد</translation>
    </message>
    <message>
        <source>Write the changed fields (the files themselves are never changed)</source>
        <translation>نوشتن فیلدهای تغییریافته (خود پرونده‌ها هرگز تغییر نمی‌کنند)</translation>
    </message>
    <message>
        <source>Correct the fields marked in red first</source>
        <translation>نخست فیلدهایی را که با رنگ قرمز نشان داده شده‌اند درست کنید</translation>
    </message>
    <message>
        <source>Nothing changed yet</source>
        <translation>هنوز چیزی تغییر نکرده است</translation>
    </message>
    <message>
        <source>Write %1 to %2 item</source>
        <translation>نوشتن %1 در %2 مورد</translation>
    </message>
    <message>
        <source>Write %1 to %2 items</source>
        <translation>نوشتن %1 در %2 مورد</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>در حال ذخیره…</translation>
    </message>
    <message>
        <source>The description of %1 item was saved.</source>
        <translation>توصیف %1 مورد ذخیره شد.</translation>
    </message>
    <message>
        <source>The descriptions of %1 items were saved.</source>
        <translation>توصیف %1 مورد ذخیره شد.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>ذخیره نشد: %1</translation>
    </message>
</context>
<context>
    <name>OcrChoice</name>
    <message>
        <source>Read text in scanned pages (OCR)</source>
        <translation>خواندن متن صفحه‌های اسکن‌شده (OCR)</translation>
    </message>
    <message>
        <source>Imports read the words of scanned PDF pages and photos of documents with Tesseract (machine-read text, kept beside the file; slower)</source>
        <translation>هنگام ورود، واژه‌های صفحه‌های اسکن‌شدهٔ PDF و عکس‌های اسناد با Tesseract خوانده می‌شوند (متن ماشین‌خوانده، کنار پرونده نگه داشته می‌شود؛ کندتر)</translation>
    </message>
    <message>
        <source>Read scanned pages…</source>
        <translation>خواندن صفحه‌های اسکن‌شده…</translation>
    </message>
    <message>
        <source>Read the words of the selected imported items&apos; scanned pages (OCR)</source>
        <translation>خواندن واژه‌های صفحه‌های اسکن‌شدهٔ موارد واردشدهٔ برگزیده (OCR)</translation>
    </message>
    <message>
        <source>Select one or more imported PDFs or photos first (in the results or the gallery), or open one.</source>
        <translation>نخست یک یا چند PDF یا عکس واردشده را برگزینید (در نتیجه‌ها یا گالری)، یا یکی را باز کنید.</translation>
    </message>
    <message>
        <source>Only imported items can be read: the archive&apos;s own items are read-only.</source>
        <translation>فقط موارد واردشده خوانده می‌شوند: موارد خود آرشیو فقط‌خواندنی‌اند.</translation>
    </message>
    <message>
        <source>An import or a reading is already running: wait for it, or cancel it.</source>
        <translation>یک ورود یا خواندن هم‌اکنون در جریان است: منتظر بمانید یا لغوش کنید.</translation>
    </message>
    <message>
        <source>Reading scanned pages</source>
        <translation>در حال خواندن صفحه‌های اسکن‌شده</translation>
    </message>
    <message>
        <source>Reading the scanned pages of %1 item (%2)…</source>
        <translation>در حال خواندن صفحه‌های اسکن‌شدهٔ %1 مورد (%2)…</translation>
    </message>
    <message>
        <source>Reading the scanned pages of %1 items (%2)…</source>
        <translation>در حال خواندن صفحه‌های اسکن‌شدهٔ %1 مورد (%2)…</translation>
    </message>
    <message>
        <source>Reading the scanned pages stopped: %1</source>
        <translation>خواندن صفحه‌های اسکن‌شده متوقف شد: %1</translation>
    </message>
</context>
<context>
    <name>PdfPage</name>
    <message>
        <source>PDF pages</source>
        <translation>صفحه‌های PDF</translation>
    </message>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>صفحهٔ قبلی (Page Up)</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>صفحهٔ بعدی (Page Down)</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>شمارهٔ صفحه</translation>
    </message>
    <message>
        <source>of 0</source>
        <translation>از ۰</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>کوچک‌نمایی (Ctrl+-)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>بزرگ‌نمایی (Ctrl++)</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>هم‌عرض پنجره</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>کل صفحه</translation>
    </message>
    <message>
        <source>Copy the text of this page</source>
        <translation>رونوشت متن این صفحه</translation>
    </message>
    <message>
        <source>Annotate the text selected with the mouse, else the current match, else this page (Ctrl+Shift+A)</source>
        <translation>حاشیه‌نویسی بر متنی که با ماوس برگزیده شده، وگرنه بر یافتهٔ کنونی، وگرنه بر این صفحه (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>از %1</translation>
    </message>
    <message>
        <source> That password is not right.</source>
        <translation> این گذرواژه درست نیست.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is encrypted and needs a password to open.%2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; رمزگذاری شده است و برای باز شدن گذرواژه می‌خواهد.%2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; cannot be shown: the file does not exist (moved or deleted?).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; نمایش داده نمی‌شود: پرونده وجود ندارد (جابه‌جا یا حذف شده؟).</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is encrypted with a method this viewer does not support.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; با روشی رمزگذاری شده که این نمایشگر پشتیبانی نمی‌کند.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; cannot be shown: it is damaged or not a PDF (the PDF reader reported: %2).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; نمایش داده نمی‌شود: آسیب دیده یا PDF نیست (گزارش خوانندهٔ PDF: %2).</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>گذرواژهٔ %1:</translation>
    </message>
    <message>
        <source>machine-read text (OCR)</source>
        <translation>متن ماشین‌خوانده (OCR)</translation>
    </message>
    <message>
        <source>The text of this page was read by %1 (%2) on %3; it may contain errors. The page itself is the scan.</source>
        <translation>متن این صفحه را %1 (%2) در %3 خوانده است؛ ممکن است خطا داشته باشد. خود صفحه همان تصویر اسکن‌شده است.</translation>
    </message>
    <message>
        <source>Copied the text of page %1</source>
        <translation>از متن صفحهٔ %1 رونوشت گرفته شد</translation>
    </message>
    <message>
        <source>This page has no text layer (a scan?)</source>
        <translation>این صفحه لایهٔ متن ندارد (اسکن است؟)</translation>
    </message>
    <message>
        <source>Copied %1 characters</source>
        <translation>%1 نویسه رونوشت شد</translation>
    </message>
    <message>
        <source>%1 annotation on this document (Annotations panel)</source>
        <translation>%1 حاشیه‌نویسی بر این سند (بخش حاشیه‌نویسی‌ها)</translation>
    </message>
    <message>
        <source>%1 annotations on this document (Annotations panel)</source>
        <translation>%1 حاشیه‌نویسی بر این سند (بخش حاشیه‌نویسی‌ها)</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>ترجیحات</translation>
    </message>
</context>
<context>
    <name>ProvenancePanel</name>
    <message>
        <source>Provenance of the open item</source>
        <translation>خاستگاه مورد باز</translation>
    </message>
    <message>
        <source>Events that cite it</source>
        <translation>رویدادهایی که به آن استناد می‌کنند</translation>
    </message>
    <message>
        <source>Events that cite this item</source>
        <translation>رویدادهایی که به این مورد استناد می‌کنند</translation>
    </message>
    <message>
        <source>Edit metadata…</source>
        <translation>ویرایش فراداده…</translation>
    </message>
    <message>
        <source>Metadata (read-only)…</source>
        <translation>فراداده (فقط‌خواندنی)…</translation>
    </message>
    <message>
        <source>Describe this imported item: title, creator, date, …</source>
        <translation>توصیف این مورد واردشده: عنوان، پدیدآورنده، تاریخ، …</translation>
    </message>
    <message>
        <source>This item belongs to the archive as published, which is read-only</source>
        <translation>این مورد از آرشیو منتشرشده است که فقط‌خواندنی است</translation>
    </message>
    <message>
        <source>Open this event</source>
        <translation>باز کردن این رویداد</translation>
    </message>
    <message>
        <source>Citation copied: </source>
        <translation>از ارجاع رونوشت گرفته شد: </translation>
    </message>
</context>
<context>
    <name>SafeTextBrowser</name>
    <message>
        <source>Copy link address</source>
        <translation>رونوشت نشانی پیوند</translation>
    </message>
    <message>
        <source>Open link in system browser…</source>
        <translation>باز کردن پیوند در مرورگر سیستم…</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>باز کردن در مرورگر</translation>
    </message>
    <message>
        <source>Open this address in your web browser?

%1

The page is not part of the archive and will be fetched from the internet.</source>
        <translation>این نشانی در مرورگر وب شما باز شود؟

%1

این صفحه بخشی از آرشیو نیست و از اینترنت گرفته می‌شود.</translation>
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
    <name>StatusArea</name>
    <message>
        <source>Clear</source>
        <extracomment>the least time a message stays before a queued one replaces it (long enough to be read) how long a message stays when nothing else is waiting messages waiting beyond this many are dropped, oldest first (a burst must not keep the bar busy for minutes) how many past messages the label&apos;s context menu offers again a message is now on screen (tests and the screenshot tool wait for it)</extracomment>
        <translation>پاک کردن</translation>
    </message>
    <message>
        <source>Match %1</source>
        <translation>یافتهٔ %1</translation>
    </message>
</context>
<context>
    <name>SyncStatusButton</name>
    <message>
        <source>Team sync</source>
        <translation>همگام‌سازی گروهی</translation>
    </message>
</context>
<context>
    <name>TagEdit</name>
    <message>
        <source>tags, separated by commas</source>
        <translation>برچسب‌ها، جداشده با ویرگول</translation>
    </message>
</context>
<context>
    <name>TeamPreferencesDialog</name>
    <message>
        <source>Preferences ▸ Team</source>
        <translation>ترجیحات ▸ گروه</translation>
    </message>
</context>
<context>
    <name>TeamPreferencesPage</name>
    <message>
        <source>Share annotations with your team through a PostgreSQL server (docs/team.md). Leave the address empty to work alone: the app then connects to nothing.</source>
        <translation>هم‌رسانی حاشیه‌نویسی‌ها با گروهتان از راه یک سرور PostgreSQL (docs/team.md). برای کار تنها، نشانی را خالی بگذارید: آنگاه برنامه به هیچ جا وصل نمی‌شود.</translation>
    </message>
    <message>
        <source>postgresql://server.example/archive</source>
        <translation>postgresql://server.example/archive</translation>
    </message>
    <message>
        <source>your user name on the server</source>
        <translation>نام کاربری شما روی سرور</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>بدون تغییر</translation>
    </message>
    <message>
        <source>Keep the password in the system keyring</source>
        <translation>نگه داشتن گذرواژه در جاکلیدی سیستم</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>آزمودن اتصال</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>سرور:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>کاربر:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>گذرواژه:</translation>
    </message>
    <message>
        <source>No system keyring is available here: the app will ask for the password once each time it starts.</source>
        <translation>جاکلیدی سیستم در این‌جا در دسترس نیست: برنامه در هر اجرا یک بار گذرواژه را می‌پرسد.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>در حال اتصال…</translation>
    </message>
    <message>
        <source>Not saved: %1.</source>
        <translation>ذخیره نشد: %1.</translation>
    </message>
</context>
<context>
    <name>TeamUi</name>
    <message>
        <source>Team server</source>
        <translation>سرور گروه</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>گذرواژهٔ %1:</translation>
    </message>
    <message>
        <source>Team sync is off until the password is given (Edit ▸ Team…).</source>
        <translation>همگام‌سازی گروهی تا وارد شدن گذرواژه خاموش است (ویرایش ▸ گروه…).</translation>
    </message>
    <message>
        <source>Team sync is off; your annotations stay on this computer.</source>
        <translation>همگام‌سازی گروهی خاموش است؛ حاشیه‌نویسی‌های شما روی همین رایانه می‌مانند.</translation>
    </message>
</context>
<context>
    <name>TextPage</name>
    <message>
        <source>Document text</source>
        <extracomment>The viewer refuses text files above this size with a message (a QTextDocument of 200 MB would take minutes to lay out and gigabytes of memory); their text is still searchable.</extracomment>
        <translation>متن سند</translation>
    </message>
    <message>
        <source>External link (not opened): %1 — right-click to open it in your browser</source>
        <translation>پیوند بیرونی (باز نشد): %1 — برای باز کردن در مرورگر، راست‌کلیک کنید</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>در حال باز کردن %1…</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; cannot be shown.&lt;br&gt;&lt;br&gt;%2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; نمایش داده نمی‌شود.&lt;br&gt;&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>Note: </source>
        <translation>یادداشت: </translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>برجسته‌سازی</translation>
    </message>
    <message>
        <source>Add note to selection…</source>
        <translation>افزودن یادداشت به متن برگزیده…</translation>
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
    <name>TimelinePanel</name>
    <message>
        <source>Fit all</source>
        <extracomment>a fact linked from the details (the facts its sources state): open the facts view at it Enter (or a double-click) on the selected event or item: open it in a tab</extracomment>
        <translation>نمایش همه</translation>
    </message>
    <message>
        <source>Show the whole period of the archive (0)</source>
        <translation>نمایش همهٔ دورهٔ آرشیو (0)</translation>
    </message>
    <message>
        <source>Zoom out (−, mouse wheel, pinch)</source>
        <translation>کوچک‌نمایی (−، چرخ ماوس، نیشگون)</translation>
    </message>
    <message>
        <source>Zoom in (+, mouse wheel, pinch)</source>
        <translation>بزرگ‌نمایی (+، چرخ ماوس، نیشگون)</translation>
    </message>
    <message>
        <source>Select period</source>
        <translation>برگزیدن دوره</translation>
    </message>
    <message>
        <source>Drag on the timeline to select a period (or Shift+drag at any time); search results are then limited to it</source>
        <translation>برای برگزیدن یک دوره روی خط زمان بکشید (یا هر زمان با Shift+کشیدن)؛ آنگاه نتیجه‌های جستجو به آن محدود می‌شوند</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>خروجی</translation>
    </message>
    <message>
        <source>Export the visible timeline as PNG or SVG, or the events as CSV</source>
        <translation>خروجی بخش دیدنی خط زمان به صورت PNG یا SVG، یا رویدادها به صورت CSV</translation>
    </message>
    <message>
        <source>Timeline as PNG image…</source>
        <translation>خط زمان به صورت تصویر PNG…</translation>
    </message>
    <message>
        <source>Timeline as SVG drawing…</source>
        <translation>خط زمان به صورت طرح SVG…</translation>
    </message>
    <message>
        <source>Events as CSV table…</source>
        <translation>رویدادها به صورت جدول CSV…</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>راهنما</translation>
    </message>
    <message>
        <source>Show or hide the legend</source>
        <translation>نمایش یا پنهان کردن راهنما</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>فیلتر</translation>
    </message>
    <message>
        <source>Show or hide the filters: event titles, tags, places, people</source>
        <translation>نمایش یا پنهان کردن فیلترها: عنوان رویدادها، برچسب‌ها، مکان‌ها، افراد</translation>
    </message>
    <message>
        <source>Remove the period filter</source>
        <translation>برداشتن فیلتر دوره</translation>
    </message>
    <message>
        <source>Filter event titles…</source>
        <translation>فیلتر عنوان رویدادها…</translation>
    </message>
    <message>
        <source>Filter event titles</source>
        <translation>فیلتر عنوان رویدادها</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>پاک کردن فیلترها</translation>
    </message>
    <message>
        <source>Show all events again</source>
        <translation>نمایش دوبارهٔ همهٔ رویدادها</translation>
    </message>
    <message>
        <source>Period: %1  ✕</source>
        <extracomment>wider than this many times its height (a bottom dock), the details and legend go beside the axis</extracomment>
        <translation>دوره: %1  ✕</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>خط زمان</translation>
    </message>
    <message>
        <source>Export timeline</source>
        <translation>خروجی خط زمان</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>خروجی‌گیری انجام نشد</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Timeline</source>
        <translation>خط زمان</translation>
    </message>
    <message>
        <source>Events of the archive on a time axis. Left and right arrows move between events; Home and End go to the first and last; plus and minus zoom.</source>
        <translation>رویدادهای آرشیو روی محور زمان. کلیدهای جهت چپ و راست میان رویدادها جابه‌جا می‌شوند؛ Home و End به نخستین و واپسین می‌روند؛ به‌علاوه و منها بزرگ‌نمایی و کوچک‌نمایی می‌کنند.</translation>
    </message>
</context>
<context>
    <name>ViewerTabs</name>
    <message>
        <source>Welcome</source>
        <translation>خوش آمدید</translation>
    </message>
    <message>
        <source>Not in this archive: %1</source>
        <translation>در این آرشیو نیست: %1</translation>
    </message>
</context>
<context>
    <name>Wiring</name>
    <message>
        <source>Open a document first, then select the passage to annotate.</source>
        <translation>نخست سندی را باز کنید، سپس بخشی از متن را که می‌خواهید حاشیه‌نویسی کنید برگزینید.</translation>
    </message>
    <message>
        <source>Select a passage to annotate first.</source>
        <translation>نخست بخشی از متن را برای حاشیه‌نویسی برگزینید.</translation>
    </message>
    <message>
        <source>This document&apos;s text is not available to annotate.</source>
        <translation>متن این سند برای حاشیه‌نویسی در دسترس نیست.</translation>
    </message>
    <message>
        <source>That annotation no longer exists.</source>
        <translation>آن حاشیه‌نویسی دیگر وجود ندارد.</translation>
    </message>
    <message>
        <source>The annotated item %1 is not in this archive.</source>
        <translation>مورد حاشیه‌نویسی‌شدهٔ %1 در این آرشیو نیست.</translation>
    </message>
</context>
<context>
    <name>_FieldEditor</name>
    <message>
        <source>%1  (type to give all the items one value)</source>
        <translation>%1  (بنویسید تا همهٔ موارد یک مقدار بگیرند)</translation>
    </message>
    <message>
        <source>The items differ here:
%1

Left empty, each keeps its own value.</source>
        <translation>موارد در این‌جا با هم فرق دارند:
%1

اگر خالی بماند، هر کدام مقدار خود را نگه می‌دارد.</translation>
    </message>
</context>
<context>
    <name>_ImagePage</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; cannot be shown: the image is damaged or in an unsupported format.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; نمایش داده نمی‌شود: تصویر آسیب دیده یا قالبش پشتیبانی نمی‌شود.</translation>
    </message>
</context>
<context>
    <name>_Worker</name>
    <message>
        <source>Team sync is off: %1</source>
        <extracomment>seconds between retries while the server cannot be reached (then stays at the last)</extracomment>
        <translation>همگام‌سازی گروهی خاموش است: %1</translation>
    </message>
    <message>
        <source>Team sync stopped: %1</source>
        <translation>همگام‌سازی گروهی متوقف شد: %1</translation>
    </message>
    <message>
        <source>The team server refused the login (%1). Check the password in Preferences ▸ Team.</source>
        <translation>سرور گروه ورود را نپذیرفت (%1). گذرواژه را در ترجیحات ▸ گروه بررسی کنید.</translation>
    </message>
    <message>
        <source>Team server not reachable (%1); your changes are kept here and sent when it is back.</source>
        <translation>سرور گروه در دسترس نیست (%1)؛ تغییرهای شما این‌جا نگه داشته و پس از بازگشت آن فرستاده می‌شوند.</translation>
    </message>
    <message>
        <source>Team sync: %1</source>
        <translation>همگام‌سازی گروهی: %1</translation>
    </message>
    <message>
        <source>Team sync paused: %1</source>
        <translation>همگام‌سازی گروهی مکث کرد: %1</translation>
    </message>
</context>
<context>
    <name>annotations</name>
    <message>
        <source>Annotations</source>
        <translation>حاشیه‌نویسی‌ها</translation>
    </message>
    <message>
        <source>&amp;Annotate selection…</source>
        <translation>&amp;حاشیه‌نویسی بر متن برگزیده…</translation>
    </message>
    <message>
        <source>A note on the selected passage (in a PDF: the current match, or the page)</source>
        <translation>یادداشتی بر بخش برگزیدهٔ متن (در PDF: یافتهٔ کنونی یا صفحه)</translation>
    </message>
    <message>
        <source>&amp;Highlight selection</source>
        <translation>&amp;برجسته‌سازی متن برگزیده</translation>
    </message>
    <message>
        <source>Highlight the selected passage in yellow</source>
        <translation>برجسته‌سازی بخش برگزیدهٔ متن با رنگ زرد</translation>
    </message>
    <message>
        <source>&amp;Export annotations…</source>
        <translation>&amp;خروجی حاشیه‌نویسی‌ها…</translation>
    </message>
    <message>
        <source>&amp;Import annotations…</source>
        <translation>&amp;وارد کردن حاشیه‌نویسی‌ها…</translation>
    </message>
    <message>
        <source>&amp;Restore annotations from backup…</source>
        <translation>&amp;بازگردانی حاشیه‌نویسی‌ها از پشتیبان…</translation>
    </message>
</context>
<context>
    <name>gallery.lightbox</name>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>File</source>
        <translation>پرونده</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>قالب</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>اندازه</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>قاب‌ها</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>صفحه‌ها</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>یادداشت</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <source>Query syntax</source>
        <translation>دستور پرس‌وجو</translation>
    </message>
    <message>
        <source>Keyboard shortcuts and panels</source>
        <translation>میان‌برهای صفحه‌کلید و بخش‌ها</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>دربارهٔ %1</translation>
    </message>
</context>
<context>
    <name>importing</name>
    <message>
        <source>Read the text in the photo (OCR)…</source>
        <translation>خواندن متن درون عکس (OCR)…</translation>
    </message>
    <message>
        <source>Read the text in %1 photos (OCR)…</source>
        <translation>خواندن متن درون %1 عکس (OCR)…</translation>
    </message>
    <message>
        <source>Import photos…</source>
        <translation>وارد کردن عکس…</translation>
    </message>
    <message>
        <source>Import photos into the archive (copies; the originals are not changed)</source>
        <translation>وارد کردن عکس به آرشیو (رونوشت؛ اصل‌ها تغییر نمی‌کنند)</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>&amp;وارد کردن پرونده‌ها…</translation>
    </message>
    <message>
        <source>Add documents and photos to the archive (copies; the originals are not changed)</source>
        <translation>افزودن سند و عکس به آرشیو (رونوشت؛ اصل‌ها تغییر نمی‌کنند)</translation>
    </message>
    <message>
        <source>Import &amp;folder…</source>
        <translation>وارد کردن &amp;پوشه…</translation>
    </message>
    <message>
        <source>Add every document and photo of a folder, or a BagIt bag, to the archive</source>
        <translation>افزودن همهٔ سندها و عکس‌های یک پوشه، یا یک بستهٔ BagIt، به آرشیو</translation>
    </message>
    <message>
        <source>Edit &amp;metadata…</source>
        <translation>ویرایش &amp;فراداده…</translation>
    </message>
    <message>
        <source>Describe the selected items (or the open one): title, creator, date, …</source>
        <translation>توصیف موارد برگزیده (یا مورد باز): عنوان، پدیدآورنده، تاریخ، …</translation>
    </message>
</context>
<context>
    <name>importing.ocr</name>
    <message>
        <source>OCR &amp;languages</source>
        <translation>&amp;زبان‌های OCR</translation>
    </message>
</context>
<context>
    <name>integrity.views</name>
    <message>
        <source>&amp;Verify archive…</source>
        <translation>&amp;وارسی آرشیو…</translation>
    </message>
    <message>
        <source>Check every file of the archive against its recorded SHA-256</source>
        <translation>سنجیدن هر پروندهٔ آرشیو با SHA-256 ثبت‌شدهٔ آن</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;خروجی</translation>
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
    <name>team</name>
    <message>
        <source>&amp;Team…</source>
        <translation>&amp;گروه…</translation>
    </message>
    <message>
        <source>Preferences ▸ Team: share annotations through a team server</source>
        <translation>ترجیحات ▸ گروه: هم‌رسانی حاشیه‌نویسی‌ها از راه سرور گروه</translation>
    </message>
    <message>
        <source>Team &amp;conflicts…</source>
        <translation>&amp;تعارض‌های گروه…</translation>
    </message>
</context>
<context>
    <name>timeline</name>
    <message>
        <source>Timeline</source>
        <translation>خط زمان</translation>
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
<context>
    <name>window.commands</name>
    <message>
        <source>&amp;Open archive…</source>
        <translation>&amp;باز کردن آرشیو…</translation>
    </message>
    <message>
        <source>Open another archive folder</source>
        <translation>باز کردن پوشهٔ آرشیوی دیگر</translation>
    </message>
    <message>
        <source>&amp;Close tab</source>
        <translation>بستن &amp;زبانه</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Search the archive</source>
        <translation>&amp;جستجو در آرشیو</translation>
    </message>
    <message>
        <source>&amp;Find in document…</source>
        <translation>&amp;یافتن در سند…</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>یافتهٔ بعدی</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>یافتهٔ قبلی</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;رونوشت</translation>
    </message>
    <message>
        <source>Copy c&amp;itation</source>
        <translation>رونوشت &amp;ارجاع</translation>
    </message>
    <message>
        <source>Reset &amp;layout</source>
        <translation>بازنشانی &amp;چیدمان</translation>
    </message>
    <message>
        <source>Every panel back where it was at the first start, the window fitted to the screen</source>
        <translation>هر بخش به جایی که در نخستین اجرا بود، و پنجره به اندازهٔ صفحه‌نمایش</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;ترجیحات…</translation>
    </message>
    <message>
        <source>Your name on annotations, the team server, the interface language</source>
        <translation>نام شما بر حاشیه‌نویسی‌ها، سرور گروه، زبان رابط کاربری</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;بزرگ‌نمایی</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>&amp;کوچک‌نمایی</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>اندازهٔ &amp;اصلی</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;پس</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>پی&amp;ش</translation>
    </message>
    <message>
        <source>&amp;Query syntax</source>
        <translation>&amp;دستور پرس‌وجو</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <source>&amp;About %1</source>
        <translation>&amp;دربارهٔ %1</translation>
    </message>
</context>
</TS>
