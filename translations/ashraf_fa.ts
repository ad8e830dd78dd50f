<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>AnnotationController</name>
    <message>
        <source>W3C Web Annotation JSON-LD (*.jsonld *.json)</source>
        <translation>حاشیه‌نویسی وب W3C در قالب JSON-LD (*.jsonld *.json)</translation>
    </message>
    <message>
        <source>CSV report (*.csv)</source>
        <translation>گزارش CSV (*.csv)</translation>
    </message>
    <message>
        <source>Markdown report (*.md)</source>
        <translation>گزارش Markdown (*.md)</translation>
    </message>
    <message>
        <source>Annotations are unavailable: %1</source>
        <translation>حاشیه‌نویسی‌ها در دسترس نیستند: %1</translation>
    </message>
    <message>
        <source>Annotations are unavailable.</source>
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
        <source>&lt;p&gt;Conflicts (changed on both sides; the local version was kept):&lt;/p&gt;</source>
        <translation>&lt;p&gt;تعارض‌ها (در هر دو سو تغییر کرده؛ نسخهٔ این رایانه نگه داشته شد):&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 annotations name no item of this archive and were not imported:&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 حاشیه‌نویسی به هیچ موردی از این آرشیو اشاره نمی‌کنند و وارد نشدند:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Kept and exported unchanged, but not shown here:&lt;/p&gt;</source>
        <translation>&lt;p&gt;نگه داشته و بی‌تغییر در خروجی می‌آیند، اما این‌جا نمایش داده نمی‌شوند:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;… and %1 more (the command line&apos;s import lists all).&lt;/p&gt;</source>
        <translation>&lt;p&gt;… و %1 مورد دیگر (دستور ورود در خط فرمان همه را فهرست می‌کند).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Not readable:&lt;/p&gt;</source>
        <translation>&lt;p&gt;خوانده نشد:&lt;/p&gt;</translation>
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
    <name>AnnotationsModel</name>
    <message>
        <source>Highlight</source>
        <translation>برجسته‌سازی</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>یادداشت</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>ناحیه</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>بر %1</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>صفحهٔ %1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>یادداشت: %1</translation>
    </message>
    <message>
        <source>tags: %1</source>
        <translation>برچسب‌ها: %1</translation>
    </message>
    <message>
        <source>(orphaned: its passage is no longer in the text)</source>
        <translation>(بی‌جا: بخش متن آن دیگر در متن نیست)</translation>
    </message>
    <message>
        <source>p. %1</source>
        <translation>ص %1</translation>
    </message>
    <message>
        <source>In reply to %1</source>
        <translation>در پاسخ به %1</translation>
    </message>
    <message>
        <source>Region %1% × %2% at (%3%, %4%)</source>
        <translation>ناحیهٔ %1٪ × %2٪ در (%3٪، %4٪)</translation>
    </message>
    <message>
        <source>Choice: %1</source>
        <translation>گزینه: %1</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>پیوند: %1</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>برچسب‌ها: %1</translation>
    </message>
    <message>
        <source>Orphaned: the passage is no longer in the document&apos;s text</source>
        <translation>بی‌جا: این بخش دیگر در متن سند نیست</translation>
    </message>
    <message>
        <source>Has parts this app does not display (kept, and exported unchanged)</source>
        <translation>بخش‌هایی دارد که این برنامه نمایش نمی‌دهد (نگه داشته و بی‌تغییر در خروجی می‌آیند)</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <source>This item</source>
        <translation>این مورد</translation>
    </message>
    <message>
        <source>All annotations</source>
        <translation>همهٔ حاشیه‌نویسی‌ها</translation>
    </message>
    <message>
        <source>Orphaned</source>
        <translation>بی‌جا</translation>
    </message>
    <message>
        <source>(any)</source>
        <translation>(هر کدام)</translation>
    </message>
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
        <source>Tag</source>
        <translation>برچسب</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>نویسنده</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>رنگ</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>مورد</translation>
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
        <source>Open a document or photo to see its annotations.</source>
        <translation>سند یا عکسی را باز کنید تا حاشیه‌نویسی‌هایش را ببینید.</translation>
    </message>
    <message>
        <source>No annotations on this photo yet. In the lightbox, Mark region (R) and drag over the photo.</source>
        <translation>هنوز حاشیه‌نویسی‌ای بر این عکس نیست. در نمایشگر عکس، «نشان کردن ناحیه» (R) را بزنید و روی عکس بکشید.</translation>
    </message>
    <message>
        <source>No annotations on this document yet. Edit ▸ Annotate (Ctrl+Shift+A) adds a note on the current search match, or on the page shown when there is none.</source>
        <translation>هنوز حاشیه‌نویسی‌ای بر این سند نیست. ویرایش ▸ حاشیه‌نویسی (Ctrl+Shift+A) یادداشتی بر یافتهٔ کنونی جستجو می‌افزاید، یا اگر یافته‌ای نباشد بر صفحهٔ نمایش‌داده‌شده.</translation>
    </message>
    <message>
        <source>No annotations on this item yet. Select a passage and right-click ▸ Highlight (or Edit ▸ Annotate, Ctrl+Shift+A).</source>
        <translation>هنوز حاشیه‌نویسی‌ای بر این مورد نیست. بخشی از متن را برگزینید و راست‌کلیک ▸ برجسته‌سازی (یا ویرایش ▸ حاشیه‌نویسی، Ctrl+Shift+A).</translation>
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
        <source>Opening archive</source>
        <translation>در حال باز کردن آرشیو</translation>
    </message>
    <message>
        <source>no items</source>
        <translation>هیچ موردی نیست</translation>
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
        <translation>واژه‌نما</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Note</source>
        <translation>یادداشت</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>رنگ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>گونه</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>نویسنده</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>ناحیه</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>بخش متن</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>حذف‌شده</translation>
    </message>
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
        <translation>نویسنده</translation>
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
        <source>refused by the server</source>
        <translation>سرور نپذیرفت</translation>
    </message>
    <message>
        <source>No conflicts: every change has been merged.</source>
        <translation>تعارضی نیست: همهٔ تغییرها یکی شده‌اند.</translation>
    </message>
    <message>
        <source>the team</source>
        <translation>گروه</translation>
    </message>
    <message>
        <source>Two people changed the same field of this annotation (owner: %1). Both values are kept; choose one per field.</source>
        <translation>دو نفر یک فیلد از این حاشیه‌نویسی را تغییر داده‌اند (دارنده: %1). هر دو مقدار نگه داشته شده‌اند؛ برای هر فیلد یکی را برگزینید.</translation>
    </message>
    <message>
        <source>in the annotation now</source>
        <translation>اکنون در حاشیه‌نویسی</translation>
    </message>
    <message>
        <source>another copy</source>
        <translation>نسخهٔ دیگر</translation>
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
        <source>&lt;p style=&apos;color:#5a5a5a&apos;&gt;Select an event on the timeline (click it, or use the arrow keys) to read its description and the passages it rests on. Hover over an event for its title and date.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#5a5a5a&apos;&gt;رویدادی را روی خط زمان برگزینید (رویش کلیک کنید یا کلیدهای جهت را به کار ببرید) تا توصیف آن و بخش‌هایی از متن را که بر آن‌ها استوار است بخوانید. برای دیدن عنوان و تاریخ، نشانگر را روی رویداد نگه دارید.&lt;/p&gt;</translation>
    </message>
    <message>
        <source> (the sources disagree)</source>
        <translation> (منابع اختلاف دارند)</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Facts its sources state:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;گزاره‌هایی که منابعش بیان می‌کنند:&lt;/b&gt; %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Event details</source>
        <translation>جزئیات رویداد</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>تاریخ:</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#b04a00&apos;&gt;&lt;b&gt;≠ The sources give dates that cannot both be right:&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#b04a00&apos;&gt;&lt;b&gt;≠ منابع تاریخ‌هایی می‌دهند که هر دو نمی‌توانند درست باشند:&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Dates as each source gives them:&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;تاریخ‌ها آن‌گونه که هر منبع می‌دهد:&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>مکان‌ها</translation>
    </message>
    <message>
        <source>People</source>
        <translation>افراد</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;margin-bottom:0&apos;&gt;&lt;b&gt;Sources&lt;/b&gt; &lt;span style=&apos;color:#5a5a5a&apos;&gt;(click a passage to open it in the viewer)&lt;/span&gt;:&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;margin-bottom:0&apos;&gt;&lt;b&gt;منابع&lt;/b&gt; &lt;span style=&apos;color:#5a5a5a&apos;&gt;(برای باز کردن هر بخش در نمایشگر رویش کلیک کنید)&lt;/span&gt;:&lt;/p&gt;</translation>
    </message>
    <message>
        <source> (the archive does not hold this work)</source>
        <translation> (آرشیو این اثر را در اختیار ندارد)</translation>
    </message>
    <message>
        <source>Publisher:</source>
        <translation>ناشر:</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Named in:&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;نام برده شده در:&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open in the viewer</source>
        <translation>باز کردن در نمایشگر</translation>
    </message>
</context>
<context>
    <name>Docks</name>
    <message>
        <source>Bring the %1 panel forward, with the keyboard focus</source>
        <translation>آوردن بخش %1 به پیش، با فوکوس صفحه‌کلید</translation>
    </message>
</context>
<context>
    <name>FacetsModel</name>
    <message>
        <source>Kind</source>
        <translation>گونه</translation>
    </message>
    <message>
        <source>Decade</source>
        <translation>دهه</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>سال</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>برچسب</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>ناشر</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
    <message>
        <source>%1s</source>
        <translation>دههٔ %1</translation>
    </message>
</context>
<context>
    <name>FactsPage</name>
    <message>
        <source>Facts</source>
        <translation>گزاره‌ها</translation>
    </message>
    <message>
        <source>Facts the sources state</source>
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
    <name>GalleryModel</name>
    <message>
        <source>%1, %2</source>
        <translation>%1، %2</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>بی‌تاریخ</translation>
    </message>
    <message>
        <source>Cannot be shown: %1</source>
        <translation>نمایش داده نمی‌شود: %1</translation>
    </message>
</context>
<context>
    <name>GalleryPanel</name>
    <message>
        <source>&lt;h3&gt;This archive holds no photographs&lt;/h3&gt;&lt;p&gt;The gallery shows the image items of an archive. The bundled Ashraf Archive holds texts, records and a timeline only; no photographs of Camp Ashraf are included.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Add photos…&lt;/b&gt; below (or File ▸ Import, or dropping files on the window) copies photos into your own part of the archive; the originals are not changed. To browse another archive&apos;s photos, start the app with &lt;code&gt;--archive FOLDER&lt;/code&gt; (see docs/archive-format.md).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;این آرشیو عکسی ندارد&lt;/h3&gt;&lt;p&gt;گالری موردهای تصویری یک آرشیو را نشان می‌دهد. آرشیو اشرفِ همراه برنامه فقط متن‌ها، سوابق و یک خط زمان دارد؛ عکسی از کمپ اشرف در آن نیست.&lt;/p&gt;&lt;p&gt;&lt;b&gt;افزودن عکس…&lt;/b&gt; در پایین (یا پرونده ▸ وارد کردن، یا رها کردن پرونده‌ها روی پنجره) رونوشتی از عکس‌ها را به بخش خود شما از آرشیو می‌افزاید؛ اصل‌ها تغییر نمی‌کنند. برای مرور عکس‌های آرشیوی دیگر، برنامه را با &lt;code&gt;--archive FOLDER&lt;/code&gt; اجرا کنید (docs/archive-format.md را ببینید).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No photos match&lt;/h3&gt;&lt;p&gt;No photo in this archive matches the current filter.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;عکسی جور نیست&lt;/h3&gt;&lt;p&gt;هیچ عکسی در این آرشیو با فیلتر کنونی جور نیست.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>نمایش همه</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Import order</source>
        <translation>ترتیب ورود</translation>
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
        <source>%1 file cannot be shown</source>
        <translation>%1 پرونده نمایش داده نمی‌شود</translation>
    </message>
    <message>
        <source>%1 files cannot be shown</source>
        <translation>%1 پرونده نمایش داده نمی‌شوند</translation>
    </message>
    <message>
        <source> (checked %1 of %2 files so far)</source>
        <translation> (تاکنون %1 از %2 پرونده وارسی شده)</translation>
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
    <name>HitCursor</name>
    <message>
        <source>No matches</source>
        <translation>یافته‌ای نیست</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 از %2</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Import files into the archive</source>
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
        <source>The import stopped: %1</source>
        <translation>ورود متوقف شد: %1</translation>
    </message>
    <message>
        <source>Import: %1</source>
        <translation>وارد کردن: %1</translation>
    </message>
    <message>
        <source>Select one or more items first (in the search results or the gallery), or open one.</source>
        <translation>نخست یک یا چند مورد را برگزینید (در نتیجه‌های جستجو یا گالری)، یا یکی را باز کنید.</translation>
    </message>
    <message>
        <source>Saving the description</source>
        <translation>در حال ذخیرهٔ توصیف</translation>
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
        <source>%1 failed</source>
        <translation>%1 ناموفق</translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation>%1 افزوده</translation>
    </message>
    <message>
        <source>%1 duplicate skipped</source>
        <translation>%1 تکراری کنار گذاشته شد</translation>
    </message>
    <message>
        <source>%1 duplicates skipped</source>
        <translation>%1 تکراری کنار گذاشته شد</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>از %1</translation>
    </message>
    <message>
        <source>The import was cancelled: %1 file not started (Retry imports it).</source>
        <translation>ورود لغو شد: %1 پرونده آغاز نشد («تلاش دوباره» آن را وارد می‌کند).</translation>
    </message>
    <message>
        <source>The import was cancelled: %1 files not started (Retry imports them).</source>
        <translation>ورود لغو شد: %1 پرونده آغاز نشدند («تلاش دوباره» آن‌ها را وارد می‌کند).</translation>
    </message>
    <message>
        <source>A duplicate is a file the archive already holds (the same bytes): it was not copied again.</source>
        <translation>پروندهٔ تکراری پرونده‌ای است که آرشیو از پیش دارد (همان بایت‌ها): دوباره رونوشت نشد.</translation>
    </message>
    <message>
        <source>The bag is not valid, so nothing was imported from it:</source>
        <translation>بسته معتبر نیست، پس چیزی از آن وارد نشد:</translation>
    </message>
    <message>
        <source>Annotations from the bag: %1</source>
        <translation>حاشیه‌نویسی‌های بسته: %1</translation>
    </message>
    <message>
        <source>The bag&apos;s annotations were not imported: %1</source>
        <translation>حاشیه‌نویسی‌های بسته وارد نشدند: %1</translation>
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
        <source>Import report — %1 added, %2 failed</source>
        <translation>گزارش ورود — %1 افزوده، %2 ناموفق</translation>
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
        <translation>در حال آماده‌سازی نمایهٔ جستجو…</translation>
    </message>
    <message>
        <source>Preparing the search index</source>
        <translation>در حال آماده‌سازی نمایهٔ جستجو</translation>
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
        <source>no date</source>
        <translation>بی‌تاریخ</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>در %1</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>پدیدآورنده</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>ناشر</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>شکل</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Record only.&lt;/b&gt; The archive does not hold this work; it holds a reference to it: the details below, and the places where the archive&apos;s own documents mention it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;فقط سابقه.&lt;/b&gt; آرشیو این اثر را در اختیار ندارد؛ تنها ارجاعی به آن دارد: جزئیات زیر، و جاهایی که اسناد خود آرشیو از آن یاد می‌کنند.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Mentioned in&lt;/h3&gt;&lt;ul&gt;%1&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;یادشده در&lt;/h3&gt;&lt;ul&gt;%1&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No document of the archive quotes it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;هیچ سندی از آرشیو از آن نقل نمی‌کند.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Events that cite it&lt;/h3&gt;&lt;ul&gt;%1&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;رویدادهایی که به آن استناد می‌کنند&lt;/h3&gt;&lt;ul&gt;%1&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Date:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;تاریخ:&lt;/b&gt; %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; according to %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; به گفتهٔ %2</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;The sources give different dates:&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;%1&lt;/ul&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;منابع تاریخ‌های متفاوتی می‌دهند:&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;%1&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Dates given by the sources (they agree):&lt;/p&gt;&lt;ul&gt;%1&lt;/ul&gt;</source>
        <translation>&lt;p&gt;تاریخ‌هایی که منابع می‌دهند (هم‌داستان‌اند):&lt;/p&gt;&lt;ul&gt;%1&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>مکان‌ها</translation>
    </message>
    <message>
        <source>People</source>
        <translation>افراد</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Sources&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;منابع&lt;/h3&gt;</translation>
    </message>
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
        <source>Export as BagIt bag</source>
        <translation>خروجی به صورت بستهٔ BagIt</translation>
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
        <source>Export Dublin Core %1</source>
        <translation>خروجی Dublin Core %1</translation>
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
    <name>LibraryModel</name>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>گونه</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Creator / publisher</source>
        <translation>پدیدآورنده / ناشر</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>افزوده‌شده</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>حاشیه‌نویسی‌ها</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>نگه‌داشته</translation>
    </message>
    <message>
        <source>with the archive</source>
        <translation>همراه آرشیو</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>بله</translation>
    </message>
    <message>
        <source>no (a record)</source>
        <translation>نه (سابقه)</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>All kinds</source>
        <translation>همهٔ گونه‌ها</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>اسناد</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>تصاویر</translation>
    </message>
    <message>
        <source>Records (not held)</source>
        <translation>سوابق (نگه‌داشته نمی‌شوند)</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>کتابخانه</translation>
    </message>
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
        <source>Listing the library</source>
        <translation>در حال فهرست کردن کتابخانه</translation>
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
        <source>photo</source>
        <translation>عکس</translation>
    </message>
    <message>
        <source>photo at full size</source>
        <translation>عکس در اندازهٔ کامل</translation>
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
    <name>MainWindow</name>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;بخش‌ها</translation>
    </message>
    <message>
        <source>&amp;Panel</source>
        <translation>ب&amp;خش</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>جستجو</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>خاستگاه</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>خط زمان</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>عکس‌ها</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>حاشیه‌نویسی‌ها</translation>
    </message>
    <message>
        <source>Concordance</source>
        <translation>واژه‌نما</translation>
    </message>
    <message>
        <source>Search unavailable</source>
        <translation>جستجو در دسترس نیست</translation>
    </message>
    <message>
        <source> · %1 problem (run &apos;ashraf-desktop validate&apos;)</source>
        <translation> · %1 مشکل (فرمان &apos;ashraf-desktop validate&apos; را اجرا کنید)</translation>
    </message>
    <message>
        <source> · %1 problems (run &apos;ashraf-desktop validate&apos;)</source>
        <translation> · %1 مشکل (فرمان &apos;ashraf-desktop validate&apos; را اجرا کنید)</translation>
    </message>
    <message>
        <source>%1: %2 documents, %3 images, %4 records, %5 events%6</source>
        <translation>%1: %2 سند، %3 تصویر، %4 سابقه، %5 رویداد%6</translation>
    </message>
    <message>
        <source>The panels are back where they started.</source>
        <translation>بخش‌ها به جای نخستین خود بازگشتند.</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;پرونده</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;ویرایش</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;نما</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;رفتن</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;ابزارها</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
</context>
<context>
    <name>MetadataDialog</name>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>پدیدآورنده</translation>
    </message>
    <message>
        <source>Several: separate them with ;</source>
        <translation>چند مقدار: با ; جدا کنید</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>ناشر</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>EDTF: 2003, 2003-04-12, 2003-04~ (about), 1986? (uncertain), 2012-02/2012-08 (a span), 198X (the 1980s)</source>
        <translation>EDTF: 2003، 2003-04-12، 2003-04~ (حدود)، 1986? (نامطمئن)، 2012-02/2012-08 (بازه)، 198X (دههٔ ۱۹۸۰)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <source>Language codes, e.g. en; fa; ar</source>
        <translation>کد زبان‌ها، مثلاً en; fa; ar</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>توصیف</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>منبع</translation>
    </message>
    <message>
        <source>Where the original comes from (a URL, a box, a collection)</source>
        <translation>اصل آن از کجا آمده است (یک نشانی اینترنتی، یک جعبه، یک مجموعه)</translation>
    </message>
    <message>
        <source>Rights</source>
        <translation>حقوق</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>DCMI type, e.g. Text, StillImage</source>
        <translation>نوع DCMI، مثلاً &quot;Text&quot; یا &quot;StillImage&quot;</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <source>Separate tags with commas</source>
        <translation>برچسب‌ها را با ویرگول جدا کنید</translation>
    </message>
    <message>
        <source>— mixed —</source>
        <translation>— گوناگون —</translation>
    </message>
    <message>
        <source>Describe “%1”</source>
        <translation>توصیف «%1»</translation>
    </message>
    <message>
        <source>Describe %1 items</source>
        <translation>توصیف %1 مورد</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Write the changed fields (the files themselves are never changed)</source>
        <translation>نوشتن فیلدهای تغییریافته (خود پرونده‌ها هرگز تغییر نمی‌کنند)</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> و %1 پیوست دیگر</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 items&lt;/b&gt;: %2%3.&lt;br&gt;Only the fields you change are written, to each of them. A field showing “%4” differs between the items; left empty, each keeps its own value.</source>
        <translation>&lt;b&gt;%1 مورد&lt;/b&gt;: %2%3.&lt;br&gt;فقط فیلدهایی که تغییر می‌دهید، در هر یک نوشته می‌شوند. فیلدی که «%4» نشان می‌دهد میان موارد فرق دارد؛ اگر خالی بماند، هر کدام مقدار خود را نگه می‌دارد.</translation>
    </message>
    <message>
        <source>This item belongs to the archive as it was published, which is read-only: its files and descriptions are kept exactly as they came, so that citations and checksums stay valid. Items you import can be described here.</source>
        <translation>این مورد از آرشیو منتشرشده است که فقط‌خواندنی است: پرونده‌ها و توصیف‌هایش دقیقاً همان‌گونه که رسیده‌اند نگه داشته می‌شوند تا ارجاع‌ها و چکیده‌ها معتبر بمانند. مواردی را که وارد می‌کنید می‌توان این‌جا توصیف کرد.</translation>
    </message>
    <message>
        <source>These items belong to the archive as it was published, which is read-only: their files and descriptions are kept exactly as they came, so that citations and checksums stay valid. Items you import can be described here.</source>
        <translation>این موارد از آرشیو منتشرشده‌اند که فقط‌خواندنی است: پرونده‌ها و توصیف‌هایشان دقیقاً همان‌گونه که رسیده‌اند نگه داشته می‌شوند تا ارجاع‌ها و چکیده‌ها معتبر بمانند. مواردی را که وارد می‌کنید می‌توان این‌جا توصیف کرد.</translation>
    </message>
    <message>
        <source>%1 of the %2 selected items belong to the archive as it was published, which is read-only: they stay as they are. The changes apply to the other %3.</source>
        <translation>%1 مورد از %2 مورد برگزیده از آرشیو منتشرشده‌اند که فقط‌خواندنی است: همان‌گونه که هستند می‌مانند. تغییرها بر %3 مورد دیگر اعمال می‌شوند.</translation>
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
        <source>English</source>
        <translation>انگلیسی</translation>
    </message>
    <message>
        <source>Persian (فارسی)</source>
        <translation>فارسی</translation>
    </message>
    <message>
        <source>Arabic (العربية)</source>
        <translation>عربی (العربية)</translation>
    </message>
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
        <source>%1: its text could not be kept (%2)</source>
        <translation>%1: متن آن نگه داشته نشد (%2)</translation>
    </message>
    <message>
        <source>%1: every page has its own text; nothing to read</source>
        <translation>%1: هر صفحه متن خود را دارد؛ چیزی برای خواندن نیست</translation>
    </message>
    <message>
        <source>%1: %2 words read (machine-read text)</source>
        <translation>%1: %2 واژه خوانده شد (متن ماشین‌خوانده)</translation>
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
        <source>Reading stopped.</source>
        <translation>خواندن متوقف شد.</translation>
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
        <source>Enter password…</source>
        <translation>وارد کردن گذرواژه…</translation>
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
        <source>Finding hits</source>
        <translation>در حال یافتن</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>یافته‌ای نیست</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 از %2</translation>
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
        <source>Reading the text layer</source>
        <translation>در حال خواندن لایهٔ متن</translation>
    </message>
    <message>
        <source>%1 annotation on this document (Annotations panel)</source>
        <translation>%1 حاشیه‌نویسی بر این سند (بخش حاشیه‌نویسی‌ها)</translation>
    </message>
    <message>
        <source>%1 annotations on this document (Annotations panel)</source>
        <translation>%1 حاشیه‌نویسی بر این سند (بخش حاشیه‌نویسی‌ها)</translation>
    </message>
    <message>
        <source>the selection on page %1</source>
        <translation>متن برگزیده در صفحهٔ %1</translation>
    </message>
    <message>
        <source>the match on page %1</source>
        <translation>یافته در صفحهٔ %1</translation>
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
    <name>ProblemsModel</name>
    <message>
        <source>Problem</source>
        <translation>مشکل</translation>
    </message>
    <message>
        <source>File</source>
        <translation>پرونده</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>مورد</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>جزئیات</translation>
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
        <source>Copy citation</source>
        <translation>رونوشت ارجاع</translation>
    </message>
    <message>
        <source>Edit metadata…</source>
        <translation>ویرایش فراداده…</translation>
    </message>
    <message>
        <source>&lt;p&gt;Open a document or record to see where it comes from: its description, source, rights and checksum.&lt;/p&gt;</source>
        <translation>&lt;p&gt;سند یا سابقه‌ای را باز کنید تا ببینید از کجا آمده است: توصیف، منبع، حقوق و چکیدهٔ آن.&lt;/p&gt;</translation>
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
    <name>ReportModel</name>
    <message>
        <source>✓ added</source>
        <translation>✓ افزوده</translation>
    </message>
    <message>
        <source>= duplicate</source>
        <translation>= تکراری</translation>
    </message>
    <message>
        <source>✕ failed</source>
        <translation>✕ ناموفق</translation>
    </message>
    <message>
        <source>– not started</source>
        <translation>– آغاز نشد</translation>
    </message>
    <message>
        <source>File</source>
        <translation>پرونده</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>دلیل</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>%1: %2. %3</source>
        <translation>%1: %2. %3</translation>
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
    <name>SearchPanel</name>
    <message>
        <source>every item and event that mentions a word</source>
        <translation>هر مورد و رویدادی که واژه‌ای را در بر دارد</translation>
    </message>
    <message>
        <source>an exact phrase, in quotes</source>
        <translation>یک عبارت دقیق، درون گیومه</translation>
    </message>
    <message>
        <source>either word</source>
        <translation>یکی از دو واژه</translation>
    </message>
    <message>
        <source>leave out a word with a minus</source>
        <translation>کنار گذاشتن یک واژه با علامت منها</translation>
    </message>
    <message>
        <source>limit to a span of years</source>
        <translation>محدود کردن به بازه‌ای از سال‌ها</translation>
    </message>
    <message>
        <source>Best match</source>
        <translation>بیشترین تطابق</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>قدیمی‌ترین نخست</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>تازه‌ترین نخست</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Search the archive&lt;/h3&gt;&lt;p&gt;Type a word or a name. Results appear as you type; press &lt;b&gt;Down&lt;/b&gt; to move into them and &lt;b&gt;Enter&lt;/b&gt; to open one. Every match is highlighted in the document, and &lt;b&gt;F3&lt;/b&gt; steps through them.&lt;/p&gt;&lt;p&gt;Try one of these:&lt;/p&gt;&lt;table&gt;%1&lt;/table&gt;&lt;p&gt;Narrow the list with the filters below the results. More in &lt;a href=&quot;help:query-syntax&quot;&gt;Help ▸ Query syntax&lt;/a&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;جستجو در آرشیو&lt;/h3&gt;&lt;p&gt;واژه یا نامی بنویسید. نتیجه‌ها هم‌زمان با نوشتن پدیدار می‌شوند؛ با &lt;b&gt;Down&lt;/b&gt; به میان آن‌ها بروید و با &lt;b&gt;Enter&lt;/b&gt; یکی را باز کنید. هر یافته در سند برجسته می‌شود و &lt;b&gt;F3&lt;/b&gt; یکی‌یکی از آن‌ها می‌گذرد.&lt;/p&gt;&lt;p&gt;یکی از این‌ها را بیازمایید:&lt;/p&gt;&lt;table&gt;%1&lt;/table&gt;&lt;p&gt;فهرست را با فیلترهای زیر نتیجه‌ها محدود کنید. بیشتر در &lt;a href=&quot;help:query-syntax&quot;&gt;راهنما ▸ دستور پرس‌وجو&lt;/a&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Search the archive  (Ctrl+K)</source>
        <translation>جستجو در آرشیو  (Ctrl+K)</translation>
    </message>
    <message>
        <source>Search the archive</source>
        <translation>جستجو در آرشیو</translation>
    </message>
    <message>
        <source>Words, &quot;phrases&quot;, prefix*, date:2009..2011, kind:event; Enter opens the first result, Down moves to the results</source>
        <translation>واژه‌ها، &quot;عبارت‌ها&quot;، پیشوند*، date:2009..2011، kind:event؛ Enter نخستین نتیجه را باز می‌کند، Down به نتیجه‌ها می‌رود</translation>
    </message>
    <message>
        <source>Results are limited to this period (selected on the timeline). Click to remove the limit.</source>
        <translation>نتیجه‌ها به این دوره (برگزیده روی خط زمان) محدودند. برای برداشتن محدودیت کلیک کنید.</translation>
    </message>
    <message>
        <source>Remove the period filter</source>
        <translation>برداشتن فیلتر دوره</translation>
    </message>
    <message>
        <source>Order of the results</source>
        <translation>ترتیب نتیجه‌ها</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>پاک کردن فیلترها</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>نتیجه‌های جستجو</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>فیلترها</translation>
    </message>
    <message>
        <source>Period: %1  ✕</source>
        <translation>دوره: %1  ✕</translation>
    </message>
    <message>
        <source>Marking the results on the timeline</source>
        <translation>در حال نشان کردن نتیجه‌ها روی خط زمان</translation>
    </message>
    <message>
        <source>Searching</source>
        <translation>در حال جستجو</translation>
    </message>
    <message>
        <source>Loading more results</source>
        <translation>در حال بارگذاری نتیجه‌های بیشتر</translation>
    </message>
    <message>
        <source>Did you mean &lt;a href=&quot;suggest:%1&quot;&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/a&gt;?</source>
        <translation>منظورتان &lt;a href=&quot;suggest:%1&quot;&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/a&gt; بود؟</translation>
    </message>
    <message>
        <source>The search could not run: %1</source>
        <translation>جستجو اجرا نشد: %1</translation>
    </message>
    <message>
        <source>Preparing the search index…</source>
        <translation>در حال آماده‌سازی نمایهٔ جستجو…</translation>
    </message>
    <message>
        <source>%1 result</source>
        <translation>%1 نتیجه</translation>
    </message>
    <message>
        <source>%1 results</source>
        <translation>%1 نتیجه</translation>
    </message>
    <message>
        <source>about %1 results</source>
        <translation>حدود %1 نتیجه</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>نتیجه‌ای نیست</translation>
    </message>
    <message>
        <source> Try clearing the filters.</source>
        <translation> فیلترها را پاک کنید.</translation>
    </message>
    <message>
        <source> Try removing the period (✕ on its chip) or choosing a longer one.</source>
        <translation> دوره را بردارید (✕ روی برچسب آن) یا دورهٔ بلندتری برگزینید.</translation>
    </message>
    <message>
        <source>Nothing matches &lt;b&gt;%1&lt;/b&gt;.%2 Check the spelling, use fewer words, or see Help ▸ Query syntax.</source>
        <translation>هیچ چیز با &lt;b&gt;%1&lt;/b&gt; جور نیست.%2 املا را بررسی کنید، واژه‌های کمتری به کار ببرید، یا راهنما ▸ دستور پرس‌وجو را ببینید.</translation>
    </message>
    <message>
        <source>Nothing in the archive is dated in this period.%1</source>
        <translation>هیچ چیز در آرشیو تاریخی در این دوره ندارد.%1</translation>
    </message>
    <message>
        <source>Items most like “%1”, by the words they share. Type a query to search again.</source>
        <translation>مواردی که بیش از همه به «%1» شبیه‌اند، بر پایهٔ واژه‌های مشترک. برای جستجوی دوباره پرس‌وجویی بنویسید.</translation>
    </message>
    <message>
        <source>Finding similar items</source>
        <translation>در حال یافتن موارد مشابه</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز کردن</translation>
    </message>
    <message>
        <source>Find similar items</source>
        <translation>یافتن موارد مشابه</translation>
    </message>
    <message>
        <source>Edit metadata…</source>
        <translation>ویرایش فراداده…</translation>
    </message>
    <message>
        <source>Edit metadata of %1 items…</source>
        <translation>ویرایش فرادادهٔ %1 مورد…</translation>
    </message>
</context>
<context>
    <name>SimilarItems</name>
    <message>
        <source>Similar items (by shared words)</source>
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
        <translation>پاک کردن</translation>
    </message>
    <message>
        <source>Match %1</source>
        <translation>یافتهٔ %1</translation>
    </message>
</context>
<context>
    <name>SyncState</name>
    <message>
        <source>Syncing…</source>
        <translation>در حال همگام‌سازی…</translation>
    </message>
    <message>
        <source>%1 conflict</source>
        <translation>%1 تعارض</translation>
    </message>
    <message>
        <source>%1 conflicts</source>
        <translation>%1 تعارض</translation>
    </message>
    <message>
        <source>Offline · %1 waiting</source>
        <translation>برون‌خط · %1 در انتظار</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>برون‌خط</translation>
    </message>
    <message>
        <source>Team: not connected</source>
        <translation>گروه: وصل نیست</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 در انتظار</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>همگام</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>گروه</translation>
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
        <source>Opening %1</source>
        <translation>در حال باز کردن %1</translation>
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
        <source>the current match</source>
        <translation>یافتهٔ کنونی</translation>
    </message>
    <message>
        <source>the selected passage</source>
        <translation>بخش برگزیدهٔ متن</translation>
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
    <name>ThumbnailDelegate</name>
    <message>
        <source>HEIC: not supported here</source>
        <translation>HEIC: این‌جا پشتیبانی نمی‌شود</translation>
    </message>
    <message>
        <source>too large to open</source>
        <translation>برای باز شدن بیش از اندازه بزرگ است</translation>
    </message>
    <message>
        <source>file cut short</source>
        <translation>پرونده ناقص است</translation>
    </message>
    <message>
        <source>empty file</source>
        <translation>پروندهٔ خالی</translation>
    </message>
    <message>
        <source>file missing</source>
        <translation>پرونده ناپیداست</translation>
    </message>
    <message>
        <source>not an image</source>
        <translation>تصویر نیست</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>خوانده نمی‌شود</translation>
    </message>
    <message>
        <source>damaged file</source>
        <translation>پروندهٔ آسیب‌دیده</translation>
    </message>
    <message>
        <source>cannot be shown</source>
        <translation>نمایش داده نمی‌شود</translation>
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
        <source>All tags</source>
        <translation>همهٔ برچسب‌ها</translation>
    </message>
    <message>
        <source>All places</source>
        <translation>همهٔ مکان‌ها</translation>
    </message>
    <message>
        <source>All people</source>
        <translation>همهٔ افراد</translation>
    </message>
    <message>
        <source>Fit all</source>
        <translation>نمایش همه</translation>
    </message>
    <message>
        <source>Show the whole period of the archive (0)</source>
        <translation>نمایش همهٔ دورهٔ آرشیو (0)</translation>
    </message>
    <message>
        <source>Zoom out (−, mouse wheel, pinch)</source>
        <translation>کوچک‌نمایی (−، چرخ ماوس، جمع کردن دو انگشت)</translation>
    </message>
    <message>
        <source>Zoom in (+, mouse wheel, pinch)</source>
        <translation>بزرگ‌نمایی (+، چرخ ماوس، باز کردن دو انگشت)</translation>
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
        <source>Reading the dates of the archive…</source>
        <translation>در حال خواندن تاریخ‌های آرشیو…</translation>
    </message>
    <message>
        <source>The timeline could not read the archive&apos;s dates.</source>
        <translation>خط زمان نتوانست تاریخ‌های آرشیو را بخواند.</translation>
    </message>
    <message>
        <source>Period: %1  ✕</source>
        <translation>دوره: %1  ✕</translation>
    </message>
    <message>
        <source>%1 of %2 events</source>
        <translation>%1 از %2 رویداد</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 رویداد</translation>
    </message>
    <message>
        <source>, %1 dated items</source>
        <translation>، %1 مورد تاریخ‌دار</translation>
    </message>
    <message>
        <source> · %1 search hits marked</source>
        <translation> · %1 یافتهٔ جستجو نشان شده</translation>
    </message>
    <message>
        <source> · showing %1</source>
        <translation> · نمایش %1</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>خط زمان</translation>
    </message>
    <message>
        <source>%1 — timeline, %2</source>
        <translation>%1 — خط زمان، %2</translation>
    </message>
    <message>
        <source>filtered by %1</source>
        <translation>با فیلتر %1</translation>
    </message>
    <message>
        <source>selected period %1</source>
        <translation>دورهٔ برگزیده %1</translation>
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
    <name>TimelineRenderer</name>
    <message>
        <source>%1 more entry here, %2.
Click to zoom in.</source>
        <translation>%1 مورد دیگر این‌جا، %2.
برای بزرگ‌نمایی کلیک کنید.</translation>
    </message>
    <message>
        <source>%1 more entries here, %2.
Click to zoom in.</source>
        <translation>%1 مورد دیگر این‌جا، %2.
برای بزرگ‌نمایی کلیک کنید.</translation>
    </message>
    <message>
        <source>The sources give different dates:</source>
        <translation>منابع تاریخ‌های متفاوتی می‌دهند:</translation>
    </message>
    <message>
        <source> (not held by the archive)</source>
        <translation> (در آرشیو نگه داشته نمی‌شود)</translation>
    </message>
    <message>
        <source>Dated items in the archive (documents, images, records)</source>
        <translation>موارد تاریخ‌دار آرشیو (اسناد، تصاویر، سوابق)</translation>
    </message>
    <message>
        <source>Dated items</source>
        <translation>موارد تاریخ‌دار</translation>
    </message>
    <message>
        <source>No archive loaded.</source>
        <translation>آرشیوی بارگذاری نشده است.</translation>
    </message>
    <message>
        <source>This archive has no dated events.</source>
        <translation>این آرشیو رویداد تاریخ‌داری ندارد.</translation>
    </message>
    <message>
        <source>No event matches the filters.</source>
        <translation>هیچ رویدادی با فیلترها جور نیست.</translation>
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
        <source>%1 documents, %2 images, %3 records of works the archive refers to, %4 dated events.</source>
        <translation>%1 سند، %2 تصویر، %3 سابقه از آثاری که آرشیو به آن‌ها ارجاع می‌دهد، %4 رویداد تاریخ‌دار.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Search on the left (&lt;b&gt;Ctrl+K&lt;/b&gt;), then open a result with &lt;b&gt;Enter&lt;/b&gt;. &lt;b&gt;F3&lt;/b&gt; and &lt;b&gt;Shift+F3&lt;/b&gt; step through the matches in a document.&lt;/p&gt;</source>
        <translation>&lt;p&gt;در بخش جستجو (&lt;b&gt;Ctrl+K&lt;/b&gt;) جستجو کنید، سپس نتیجه‌ای را با &lt;b&gt;Enter&lt;/b&gt; باز کنید. &lt;b&gt;F3&lt;/b&gt; و &lt;b&gt;Shift+F3&lt;/b&gt; یکی‌یکی از یافته‌های یک سند می‌گذرند.&lt;/p&gt;</translation>
    </message>
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
        <translation>همگام‌سازی گروهی خاموش است: %1</translation>
    </message>
    <message>
        <source>Team sync stopped: %1</source>
        <translation>همگام‌سازی گروهی متوقف شد: %1</translation>
    </message>
    <message>
        <source>Synced with %1: %2</source>
        <translation>همگام با %1: %2</translation>
    </message>
    <message>
        <source> (the server refused changes to others&apos; annotations: see Conflicts)</source>
        <translation> (سرور تغییر در حاشیه‌نویسی‌های دیگران را نپذیرفت: تعارض‌ها را ببینید)</translation>
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
    <name>accessibility</name>
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
    <name>annotations</name>
    <message>
        <source>Annotations</source>
        <translation>حاشیه‌نویسی‌ها</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;واگرد</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;ازنو</translation>
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
    <name>app</name>
    <message>
        <source>Reading the archive&apos;s descriptions…</source>
        <translation>در حال خواندن توصیف‌های آرشیو…</translation>
    </message>
    <message>
        <source>Reading the archive&apos;s descriptions once: %1 of %2…</source>
        <translation>خواندن یک‌بارهٔ توصیف‌های آرشیو: %1 از %2…</translation>
    </message>
    <message>
        <source>Ashraf Archive</source>
        <translation>آرشیو اشرف</translation>
    </message>
</context>
<context>
    <name>colours</name>
    <message>
        <source>Yellow</source>
        <translation>زرد</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>سبز</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>آبی</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>صورتی</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>نارنجی</translation>
    </message>
</context>
<context>
    <name>dates</name>
    <message>
        <source>the earliest dates</source>
        <translation>آغازین تاریخ‌ها</translation>
    </message>
    <message>
        <source>the latest dates</source>
        <translation>واپسین تاریخ‌ها</translation>
    </message>
</context>
<context>
    <name>facts</name>
    <message>
        <source>Each value is shown as the sources word it, with every source that gives it and the passage it comes from; a passage opens its source there. Where sources give different values, every value is shown with its source: the archive does not choose between them.</source>
        <translation>هر مقدار با همان واژه‌هایی که منابع به کار برده‌اند نشان داده می‌شود، همراه با هر منبعی که آن را می‌دهد و بخشی از متن که از آن آمده؛ هر بخش منبعش را در همان‌جا باز می‌کند. جایی که منابع مقدارهای متفاوتی می‌دهند، هر مقدار با منبعش نشان داده می‌شود: آرشیو میان آن‌ها داوری نمی‌کند.</translation>
    </message>
    <message>
        <source>Facts the sources state</source>
        <translation>گزاره‌های منابع</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; facts, &lt;b&gt;%2&lt;/b&gt; of them given differently by different sources.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; گزاره، که &lt;b&gt;%2&lt;/b&gt; تا از آن‌ها را منابع گوناگون به گونه‌های متفاوت داده‌اند.</translation>
    </message>
    <message>
        <source> Showing only those.</source>
        <translation> فقط همان‌ها نمایش داده می‌شوند.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;This archive records no facts (facts.toml).&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;این آرشیو گزاره‌ای ثبت نکرده است (facts.toml).&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>≠ The sources disagree</source>
        <translation>≠ منابع اختلاف دارند</translation>
    </message>
    <message>
        <source>= The sources agree</source>
        <translation>= منابع هم‌داستان‌اند</translation>
    </message>
    <message>
        <source>One source</source>
        <translation>یک منبع</translation>
    </message>
    <message>
        <source>%1 source</source>
        <translation>%1 منبع</translation>
    </message>
    <message>
        <source>%1 sources</source>
        <translation>%1 منبع</translation>
    </message>
    <message>
        <source> &lt;i&gt;(not in this archive)&lt;/i&gt;</source>
        <translation> &lt;i&gt;(در این آرشیو نیست)&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>fixity</name>
    <message>
        <source>missing</source>
        <translation>ناپیدا</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>تغییر داده</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>ناخوانا</translation>
    </message>
    <message>
        <source>no checksum</source>
        <translation>بی‌چکیده</translation>
    </message>
    <message>
        <source>unexpected</source>
        <translation>ناخواسته</translation>
    </message>
    <message>
        <source>%1 file changed</source>
        <translation>%1 پرونده تغییر کرده</translation>
    </message>
    <message>
        <source>%1 files changed</source>
        <translation>%1 پرونده تغییر کرده</translation>
    </message>
    <message>
        <source>%1 file missing</source>
        <translation>%1 پرونده ناپیدا</translation>
    </message>
    <message>
        <source>%1 files missing</source>
        <translation>%1 پرونده ناپیدا</translation>
    </message>
    <message>
        <source>%1 file unreadable</source>
        <translation>%1 پروندهٔ ناخوانا</translation>
    </message>
    <message>
        <source>%1 files unreadable</source>
        <translation>%1 پروندهٔ ناخوانا</translation>
    </message>
    <message>
        <source>%1 unexpected file</source>
        <translation>%1 پروندهٔ ناخواسته</translation>
    </message>
    <message>
        <source>%1 unexpected files</source>
        <translation>%1 پروندهٔ ناخواسته</translation>
    </message>
    <message>
        <source>%1 file without checksum</source>
        <translation>%1 پروندهٔ بی‌چکیده</translation>
    </message>
    <message>
        <source>%1 files without checksum</source>
        <translation>%1 پروندهٔ بی‌چکیده</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>%1 تغییر کرده</translation>
    </message>
    <message>
        <source>%1 missing</source>
        <translation>%1 ناپیدا</translation>
    </message>
    <message>
        <source>%1 unreadable</source>
        <translation>%1 ناخوانا</translation>
    </message>
    <message>
        <source>%1 unexpected</source>
        <translation>%1 ناخواسته</translation>
    </message>
    <message>
        <source>%1 without checksum</source>
        <translation>%1 بی‌چکیده</translation>
    </message>
    <message>
        <source>quick check</source>
        <translation>وارسی سریع</translation>
    </message>
    <message>
        <source>full check</source>
        <translation>وارسی کامل</translation>
    </message>
    <message>
        <source>%1 file checked (%2, %3 s)</source>
        <translation>%1 پرونده وارسی شد (%2، %3 ثانیه)</translation>
    </message>
    <message>
        <source>%1 files checked (%2, %3 s)</source>
        <translation>%1 پرونده وارسی شد (%2، %3 ثانیه)</translation>
    </message>
    <message>
        <source>, cancelled before the end</source>
        <translation>، پیش از پایان لغو شد</translation>
    </message>
    <message>
        <source>: all files are as described</source>
        <translation>: همهٔ پرونده‌ها مطابق توصیف‌اند</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>: %1 problem (%2)</source>
        <translation>: %1 مشکل (%2)</translation>
    </message>
    <message>
        <source>: %1 problems (%2)</source>
        <translation>: %1 مشکل (%2)</translation>
    </message>
</context>
<context>
    <name>gallery.lightbox</name>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>پدیدآورنده</translation>
    </message>
    <message>
        <source>Rights</source>
        <translation>حقوق</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>منبع</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>ناشر</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>توصیف</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <source>Item id</source>
        <translation>شناسهٔ مورد</translation>
    </message>
    <message>
        <source>In the archive</source>
        <translation>در آرشیو</translation>
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
        <source>%1 × %2 px (%3 MP)</source>
        <translation>%1 × %2 پیکسل (%3 مگاپیکسل)</translation>
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
    <message>
        <source>Camera (EXIF)</source>
        <translation>دوربین (EXIF)</translation>
    </message>
    <message>
        <source>No camera metadata in this file.</source>
        <translation>این پرونده فرادادهٔ دوربین ندارد.</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <source>An offline browser for the documented history of Camp Ashraf. The archive&apos;s texts are kept exactly as published; each item&apos;s provenance says who wrote it and from what point of view.</source>
        <translation>مرورگری برون‌خط برای تاریخچهٔ مستند کمپ اشرف. متن‌های آرشیو دقیقاً همان‌گونه که منتشر شده‌اند نگه داشته می‌شوند؛ خاستگاه هر مورد می‌گوید چه کسی و از چه دیدگاهی آن را نوشته است.</translation>
    </message>
    <message>
        <source>Running on %1 %2, Python at %3</source>
        <translation>در حال اجرا روی %1 %2، پایتون در %3</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>مجوزها</translation>
    </message>
    <message>
        <source>Resources: %1</source>
        <translation>منابع برنامه: %1</translation>
    </message>
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
        <source>Edit metadata…</source>
        <translation>ویرایش فراداده…</translation>
    </message>
    <message>
        <source>Edit metadata of %1 photos…</source>
        <translation>ویرایش فرادادهٔ %1 عکس…</translation>
    </message>
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
    <message>
        <source>Archive as &amp;BagIt bag…</source>
        <translation>آرشیو به صورت &amp;بستهٔ BagIt…</translation>
    </message>
    <message>
        <source>The archive (or the selected items) as a BagIt bag that other archives accept</source>
        <translation>آرشیو (یا موارد برگزیده) به صورت بستهٔ BagIt که آرشیوهای دیگر می‌پذیرند</translation>
    </message>
    <message>
        <source>Item metadata as Dublin Core &amp;CSV…</source>
        <translation>فرادادهٔ موارد به صورت Dublin Core &amp;CSV…</translation>
    </message>
    <message>
        <source>Item metadata as Dublin Core &amp;JSON-LD…</source>
        <translation>فرادادهٔ موارد به صورت Dublin Core &amp;JSON-LD…</translation>
    </message>
</context>
<context>
    <name>kinds</name>
    <message>
        <source>Record</source>
        <translation>سابقه</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>سند</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>تصویر</translation>
    </message>
    <message>
        <source>Record (not held)</source>
        <translation>سابقه (نگه‌داشته نمی‌شود)</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>رویداد</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>حاشیه‌نویسی</translation>
    </message>
    <message>
        <source>Fact (each source&apos;s value)</source>
        <translation>گزاره (مقدار هر منبع)</translation>
    </message>
</context>
<context>
    <name>legend</name>
    <message>
        <source>Exact day</source>
        <translation>روز دقیق</translation>
    </message>
    <message>
        <source>The source gives the day: a point.</source>
        <translation>منبع روز را می‌دهد: یک نقطه.</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>ماه</translation>
    </message>
    <message>
        <source>Sometime in that month: a bar over the whole month.</source>
        <translation>زمانی در آن ماه: نواری روی همهٔ ماه.</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>سال</translation>
    </message>
    <message>
        <source>Sometime in that year: a bar over the whole year.</source>
        <translation>زمانی در آن سال: نواری روی همهٔ سال.</translation>
    </message>
    <message>
        <source>Season</source>
        <translation>فصل</translation>
    </message>
    <message>
        <source>Sometime in that season, quarter or half-year.</source>
        <translation>زمانی در آن فصل، سه‌ماهه یا نیم‌سال.</translation>
    </message>
    <message>
        <source>Decade</source>
        <translation>دهه</translation>
    </message>
    <message>
        <source>Sometime in that decade.</source>
        <translation>زمانی در آن دهه.</translation>
    </message>
    <message>
        <source>Century</source>
        <translation>سده</translation>
    </message>
    <message>
        <source>Sometime in that century.</source>
        <translation>زمانی در آن سده.</translation>
    </message>
    <message>
        <source>Millennium or longer</source>
        <translation>هزاره یا بیشتر</translation>
    </message>
    <message>
        <source>Sometime within a thousand years or more.</source>
        <translation>زمانی در بازهٔ هزار سال یا بیشتر.</translation>
    </message>
    <message>
        <source>One of several dates</source>
        <translation>یکی از چند تاریخ</translation>
    </message>
    <message>
        <source>One, or all, of the dates listed: a bar over their range.</source>
        <translation>یکی یا همهٔ تاریخ‌های فهرست‌شده: نواری روی بازهٔ آن‌ها.</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>دوره</translation>
    </message>
    <message>
        <source>From one date to another: a solid bar with end caps.</source>
        <translation>از یک تاریخ تا تاریخی دیگر: نواری توپر با سرپوش در دو سر.</translation>
    </message>
    <message>
        <source>Approximate (~)</source>
        <translation>تقریبی (~)</translation>
    </message>
    <message>
        <source>About this date: soft, dashed edges.</source>
        <translation>حدود این تاریخ: لبه‌های نرم و خط‌چین.</translation>
    </message>
    <message>
        <source>Uncertain (?)</source>
        <translation>نامطمئن (?)</translation>
    </message>
    <message>
        <source>The date is inferred or in doubt: hatched, marked “?”.</source>
        <translation>تاریخ استنباطی یا مورد تردید است: هاشورخورده، با نشان «?».</translation>
    </message>
    <message>
        <source>Open end (..)</source>
        <translation>سر باز (..)</translation>
    </message>
    <message>
        <source>No start or no end is given, or it is unknown: the bar fades out with an arrow.</source>
        <translation>آغاز یا پایانی داده نشده یا ناشناخته است: نوار با یک پیکان کم‌رنگ می‌شود.</translation>
    </message>
    <message>
        <source>Sources disagree</source>
        <translation>منابع اختلاف دارند</translation>
    </message>
    <message>
        <source>The sources give dates that cannot both be right: each is drawn and linked, marked ≠.</source>
        <translation>منابع تاریخ‌هایی می‌دهند که هر دو نمی‌توانند درست باشند: هر کدام کشیده و پیوند داده شده، با نشان ≠.</translation>
    </message>
    <message>
        <source>More events</source>
        <translation>رویدادهای بیشتر</translation>
    </message>
    <message>
        <source>Too many to show at this zoom: “+N”; click to zoom in.</source>
        <translation>در این بزرگ‌نمایی بیش از آن است که نمایش داده شود: «+N»؛ برای بزرگ‌نمایی کلیک کنید.</translation>
    </message>
    <message>
        <source>Search hit</source>
        <translation>یافتهٔ جستجو</translation>
    </message>
    <message>
        <source>Matches the current search.</source>
        <translation>با جستجوی کنونی جور است.</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>سند</translation>
    </message>
    <message>
        <source>A dated text the archive holds.</source>
        <translation>متنی تاریخ‌دار که آرشیو در اختیار دارد.</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>تصویر</translation>
    </message>
    <message>
        <source>A dated image the archive holds.</source>
        <translation>تصویری تاریخ‌دار که آرشیو در اختیار دارد.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>سابقه</translation>
    </message>
    <message>
        <source>A dated work the sources name; the archive does not hold it.</source>
        <translation>اثری تاریخ‌دار که منابع از آن نام می‌برند؛ آرشیو آن را در اختیار ندارد.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
</context>
<context>
    <name>provenance</name>
    <message>
        <source>Identifier</source>
        <translation>شناسه</translation>
    </message>
    <message>
        <source>Rights</source>
        <translation>حقوق</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>منبع</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>قالب</translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation>موضوع‌ها</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>پدیدآورنده</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>ناشر</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>توصیف</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>نگه‌داشته</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Machine-read text</source>
        <translation>متن ماشین‌خوانده</translation>
    </message>
    <message>
        <source>Attachment of</source>
        <translation>پیوستِ</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>پیوست‌ها</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <source>Archive id</source>
        <translation>شناسهٔ آرشیو</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>داده نشده</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>بیان نشده</translation>
    </message>
    <message>
        <source>yes: %1</source>
        <translation>بله: %1</translation>
    </message>
    <message>
        <source>no: the archive holds only a reference</source>
        <translation>نه: آرشیو تنها ارجاعی به آن دارد</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>صفحهٔ %1</translation>
    </message>
    <message>
        <source>pages %1</source>
        <translation>صفحه‌های %1</translation>
    </message>
    <message>
        <source>the photo</source>
        <translation>عکس</translation>
    </message>
    <message>
        <source>%1 read by %2 (%3) on %4: it may contain errors</source>
        <translation>%1 را %2 (%3) در %4 خوانده است: ممکن است خطا داشته باشد</translation>
    </message>
    <message>
        <source>Record (the archive holds only a reference)</source>
        <translation>سابقه (آرشیو تنها ارجاعی به آن دارد)</translation>
    </message>
    <message>
        <source> — &lt;i&gt;the sources disagree&lt;/i&gt;</source>
        <translation> — &lt;i&gt;منابع اختلاف دارند&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Facts it states</source>
        <translation>گزاره‌هایی که بیان می‌کند</translation>
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
    <message>
        <source>Team</source>
        <translation>گروه</translation>
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
        <source>&amp;Light theme</source>
        <translation>پوستهٔ &amp;روشن</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>پوستهٔ &amp;تیره</translation>
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
