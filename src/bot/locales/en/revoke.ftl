# /revoke: the person whose role is taken away is told, and so is a technician for each job taken back
role-revoked-notice = Your role "{ role-label }" was revoked by an admin. Please ask the management office if you have questions.
job-released-technician = Job { $number } ({ $place }) was taken back and offered again: nothing more to do for you.
