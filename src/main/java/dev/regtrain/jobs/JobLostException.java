package dev.regtrain.jobs;

/**
 * A write for a job was refused because this instance no longer holds the job's lease (another instance took it over
 * after this one stopped renewing it): the instance stops training the job and writes nothing more for it.
 */
public class JobLostException extends RuntimeException {

    public JobLostException(String jobId) {
        super("job " + jobId + " is trained by another instance now (this one lost its lease)");
    }
}
